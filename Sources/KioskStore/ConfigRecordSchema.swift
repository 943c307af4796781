import GRDB

/// The hall configs a journal was written under: one row whenever the config in force changes
/// (at a start, or a live change), so an export or a replay knows the hall that wrote each day.
enum ConfigRecordSchema {
    static func v5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hall_config (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                business_date TEXT NOT NULL,
                at_ms INTEGER NOT NULL,
                -- The config as the trace's meta.config (HallConfig.jsonValue); since v6 the
                -- whole config (jsonValue(withGateway: true)): limits and the SMS gateway too.
                config TEXT NOT NULL
            );
            CREATE INDEX hall_config_by_date ON hall_config (business_date, seq);
            """)
    }

    /// Where each config came from: `start` (the daemon's --config file, or a command's),
    /// `apply` (a live change, `PUT /v1/config`, whose `seq` a `config` event names). A restart
    /// keeps a live change unless the file was edited since it last started the daemon.
    static func v6(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE hall_config ADD COLUMN source TEXT NOT NULL DEFAULT 'start'")
    }
}
