import Foundation
import GRDB
import KioskCore

extension SQLiteJournal {
    /// When the journal's newest event happened (nil: no events yet). A hall clock behind it
    /// would stamp new events before old ones.
    public func lastEventInstant() throws -> Date? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT at_ms FROM event ORDER BY seq DESC LIMIT 1").map(Date.init(millisecondsSince1970:))
        }
    }

    /// When the newest event of `date` happened (nil: none that day): what a clock resuming
    /// that day must not be behind.
    public func lastEventInstant(on date: BusinessDate) throws -> Date? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(at_ms) FROM event WHERE business_date = ?", arguments: [date.description])
                .map(Date.init(millisecondsSince1970:))
        }
    }
}
