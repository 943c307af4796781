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
                -- The config as the trace's meta.config (HallConfig.jsonValue); since limits and
                -- sms are written, the whole config (jsonValue(withGateway: true)).
                config TEXT NOT NULL
            );
            CREATE INDEX hall_config_by_date ON hall_config (business_date, seq);
            """)
    }
}
