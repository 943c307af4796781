import GRDB

/// The SMS outbox: one row per message, in the journal's database so a message commits in the
/// same transaction as the event that triggers it.
enum OutboxSchema {
    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sms_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                business_date TEXT NOT NULL,
                ticket TEXT NOT NULL,
                trigger TEXT NOT NULL,
                recipient TEXT NOT NULL,
                -- The full number, for the notifier only; set to NULL after the business day.
                phone TEXT,
                phone_masked TEXT NOT NULL,
                text TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                reason TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                created_ms INTEGER NOT NULL,
                next_attempt_ms INTEGER NOT NULL,
                deadline_ms INTEGER NOT NULL,
                updated_ms INTEGER NOT NULL,
                gateway_status INTEGER,
                gateway_answer TEXT,
                gateway_id TEXT,
                dlr_type INTEGER,
                -- At most one message per ticket, trigger and recipient, across restarts.
                UNIQUE (business_date, ticket, trigger, recipient)
            );
            CREATE INDEX sms_outbox_due ON sms_outbox (state, next_attempt_ms);
            """)
    }
}
