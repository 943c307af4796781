import GRDB

/// The journal's tables. Migrations only ever add: a journal written by an older Kiosk opens.
enum JournalSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events and contacts") { db in
            // One row per event; `line` is the trace-format object, `t` relative to business_date.
            try db.execute(sql: """
                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    business_date TEXT NOT NULL,
                    at_ms INTEGER NOT NULL,
                    line TEXT NOT NULL
                );
                CREATE INDEX event_by_date ON event (business_date, seq);
                -- Phone numbers live only here, for the notifier, and are purged after the day.
                CREATE TABLE ticket_contact (
                    business_date TEXT NOT NULL,
                    ticket TEXT NOT NULL,
                    phone TEXT,
                    caretaker_phone TEXT,
                    PRIMARY KEY (business_date, ticket)
                );
                """)
        }
        migrator.registerMigration("v2: sms outbox", migrate: OutboxSchema.v2)
        migrator.registerMigration("v3: printed estimates", migrate: PrintedEstimateSchema.v3)
        migrator.registerMigration("quarantine of unreadable rows") { db in
            // Rows of `event` that could not be read, moved here as they were (no declared
            // types: a corrupted value is kept whatever it is) with the error and the time.
            try db.execute(sql: """
                CREATE TABLE journal_quarantine (
                    seq INTEGER PRIMARY KEY,
                    business_date,
                    at_ms,
                    line,
                    error TEXT NOT NULL,
                    quarantined_ms INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("idempotency keys of ticket issues", migrate: IssueKeySchema.migrate)
        migrator.registerMigration("v4: sms outbox once per window", migrate: OutboxSchema.v4)
        migrator.registerMigration("v5: hall configs in force", migrate: ConfigRecordSchema.v5)
        migrator.registerMigration("v6: where each hall config came from", migrate: ConfigRecordSchema.v6)
        migrator.registerMigration("v7: central shipping cursor", migrate: CentralCursorSchema.v7)
        return migrator
    }
}
