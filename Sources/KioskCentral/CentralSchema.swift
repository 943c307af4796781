/// The centre's tables, roles and policies, as numbered migrations. A migration only ever
/// adds; each runs once, in its own transaction, recorded in `kiosk_migration`.
///
/// - `journal_row`: every journal row every hall shipped, keyed by (hall, stream, seq) plus
///   the partition column `business_date` (PostgreSQL requires a unique key on a partitioned
///   table to include it; a row's date never changes, so the key is still one per row).
///   Partitioned by month (`CentralPartitions`), with a default partition for a day outside
///   the months created (an old day imported late): nothing is ever refused for its date.
/// - `central_hall`: which login role is which hall. Row-level security lets a hall's role
///   (a member of `kiosk_hall`) insert and read only rows with its own `hall_id`; the table
///   owner (migrate) is not subject to it; `kiosk_reader` reads everything.
enum CentralSchema {
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "journal rows by month, halls, roles, row-level security", statements: [
            """
            CREATE TABLE central_hall (
                hall_id text PRIMARY KEY,
                role_name text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE journal_row (
                hall_id text NOT NULL,
                stream text NOT NULL CHECK (stream IN ('event', 'config')),
                seq bigint NOT NULL CHECK (seq > 0),
                business_date date NOT NULL,
                at timestamptz NOT NULL,
                ev text NOT NULL,
                line text NOT NULL,
                shipped_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (hall_id, stream, seq, business_date)
            ) PARTITION BY RANGE (business_date)
            """,
            "CREATE INDEX journal_row_by_day ON journal_row (business_date, hall_id)",
            "CREATE TABLE journal_row_default PARTITION OF journal_row DEFAULT",
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kiosk_hall') THEN CREATE ROLE kiosk_hall NOLOGIN; END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kiosk_reader') THEN CREATE ROLE kiosk_reader NOLOGIN; END IF;
            END $$
            """,
            "GRANT SELECT, INSERT ON journal_row TO kiosk_hall",
            "GRANT SELECT ON central_hall TO kiosk_hall",
            "GRANT SELECT ON journal_row, central_hall TO kiosk_reader",
        ] + hallsOwnRows(of: "journal_row", hallPolicy: "hall_own_rows", readerPolicy: "reader_reads_all")),
        // A day's printed estimates and text-message outcomes change after they are written,
        // so they are not journal rows: one row per hall and day, replaced whole when it changed.
        Migration(version: 2, name: "each hall-day's printed estimates and SMS outcomes", statements: [
            """
            CREATE TABLE hall_day (
                hall_id text NOT NULL,
                business_date date NOT NULL,
                extras text NOT NULL,
                shipped_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (hall_id, business_date)
            )
            """,
            "GRANT SELECT, INSERT, UPDATE ON hall_day TO kiosk_hall",
            "GRANT SELECT ON hall_day TO kiosk_reader",
        ] + hallsOwnRows(of: "hall_day", hallPolicy: "hall_own_days", readerPolicy: "reader_reads_all_days")),
    ]

    /// Row-level security on a table keyed by `hall_id`: a hall's role (a member of
    /// `kiosk_hall`) reads and writes only its own hall's rows, `kiosk_reader` reads them all.
    /// Frozen with the migrations that use it: a later change is a migration of its own.
    private static func hallsOwnRows(of table: String, hallPolicy: String, readerPolicy: String) -> [String] {
        [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            // The subquery does not depend on the row: planned once per statement, not per row.
            """
            CREATE POLICY \(hallPolicy) ON \(table) FOR ALL TO kiosk_hall
                USING (hall_id = (SELECT h.hall_id FROM central_hall h WHERE h.role_name = current_user))
                WITH CHECK (hall_id = (SELECT h.hall_id FROM central_hall h WHERE h.role_name = current_user))
            """,
            "CREATE POLICY \(readerPolicy) ON \(table) FOR SELECT TO kiosk_reader USING (true)",
        ]
    }
}
