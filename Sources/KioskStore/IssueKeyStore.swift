import Foundation
import GRDB
import KioskCore

/// An `Idempotency-Key` a client sent with a ticket issue, journaled in the same transaction as
/// the issue event: the same key on the same business day finds the same ticket, even after a
/// restart. The fingerprint says what was asked (service, priority, masked phones, override),
/// never a full number.
public struct IssueKeyRecord: Sendable, Equatable {
    public var date: BusinessDate
    public var key: String
    public var fingerprint: String
    public var ticket: TicketNumber

    public init(date: BusinessDate, key: String, fingerprint: String, ticket: TicketNumber) {
        self.date = date
        self.key = key
        self.fingerprint = fingerprint
        self.ticket = ticket
    }
}

enum IssueKeySchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE issue_key (
                business_date TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                ticket TEXT NOT NULL,
                PRIMARY KEY (business_date, key)
            );
            """)
    }
}

extension SQLiteJournal {
    static func insertIssueKeys(_ keys: [IssueKeyRecord], in db: Database) throws {
        for key in keys {
            try db.execute(
                sql: "INSERT INTO issue_key (business_date, key, fingerprint, ticket) VALUES (?, ?, ?, ?)",
                arguments: [key.date.description, key.key, key.fingerprint, key.ticket]
            )
        }
    }

    /// The keys of `date`'s keyed issues.
    public func issueKeys(on date: BusinessDate) throws -> [IssueKeyRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, fingerprint, ticket FROM issue_key WHERE business_date = ?", arguments: [date.description]).map { row in
                IssueKeyRecord(date: date, key: row["key"], fingerprint: row["fingerprint"], ticket: row["ticket"])
            }
        }
    }
}
