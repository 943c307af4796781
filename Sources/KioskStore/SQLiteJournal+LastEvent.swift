import Foundation
import GRDB

extension SQLiteJournal {
    /// When the journal's newest event happened (nil: no events yet). A hall clock behind it
    /// would stamp new events before old ones.
    public func lastEventInstant() throws -> Date? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT at_ms FROM event ORDER BY seq DESC LIMIT 1").map(Date.init(millisecondsSince1970:))
        }
    }
}
