import GRDB

/// The SMS outbox: one row per message, in the journal's database so a message commits in the
/// same transaction as the event that triggers it.
enum OutboxSchema {
    /// The message's columns after its key, as v2 made them; v4's rebuild keeps them as they
    /// were. Frozen with those two migrations: a later change is a migration of its own.
    private static let messageColumns = """
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
        """

    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sms_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                business_date TEXT NOT NULL,
                ticket TEXT NOT NULL,
                trigger TEXT NOT NULL,
                recipient TEXT NOT NULL,
                \(messageColumns)
                -- At most one message per ticket, trigger and recipient, across restarts.
                UNIQUE (business_date, ticket, trigger, recipient)
            );
            CREATE INDEX sms_outbox_due ON sms_outbox (state, next_attempt_ms);
            """)
    }

    /// A call names its window: after a transfer, the call at the new window is news, so a
    /// your-turn (and recall) message is once per ticket **and window**. SQLite cannot change a
    /// table's UNIQUE constraint, so the table is rebuilt with every row and id kept (older
    /// rows get window "": they keep their place as the one message of the old rule).
    static func v4(_ db: Database) throws {
        let columns = """
            id, business_date, ticket, trigger, recipient, phone, phone_masked, text, state, reason, attempts,
            created_ms, next_attempt_ms, deadline_ms, updated_ms, gateway_status, gateway_answer, gateway_id, dlr_type
            """
        try db.execute(sql: """
            CREATE TABLE sms_outbox_v4 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                business_date TEXT NOT NULL,
                ticket TEXT NOT NULL,
                trigger TEXT NOT NULL,
                recipient TEXT NOT NULL,
                -- The window a call message names; "" for messages about no window.
                counter TEXT NOT NULL DEFAULT '',
                \(messageColumns)
                -- At most one message per ticket, trigger, recipient and window, across restarts.
                UNIQUE (business_date, ticket, trigger, recipient, counter)
            );
            INSERT INTO sms_outbox_v4 (\(columns)) SELECT \(columns) FROM sms_outbox;
            DROP TABLE sms_outbox;
            ALTER TABLE sms_outbox_v4 RENAME TO sms_outbox;
            CREATE INDEX sms_outbox_due ON sms_outbox (state, next_attempt_ms);
            """)
    }
}
