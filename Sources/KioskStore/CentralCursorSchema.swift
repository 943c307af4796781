import GRDB

/// How far the hall's journal is in its central database: one row per shipped stream, the
/// last journal sequence the centre has committed. Kept in the journal itself, so a restored
/// backup resumes from where that journal was (resending is harmless: the centre keys rows by
/// hall and sequence).
enum CentralCursorSchema {
    static func v7(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE central_cursor (
                stream TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                updated_ms INTEGER NOT NULL
            );
            """)
    }
}
