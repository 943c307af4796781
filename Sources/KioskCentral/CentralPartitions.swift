import PostgresNIO

/// The months of `journal_row`: one partition each, plus the default partition for days of
/// months not created (yet). Creating a month whose days already sit in the default
/// partition moves them into it, in the same transaction (PostgreSQL refuses to attach a
/// partition while the default holds rows of its range).
struct CentralPartitions: Sendable {
    let session: CentralSession

    /// The months the default partition holds rows of.
    func monthsInDefault() async throws(CentralError) -> [Month] {
        let rows = try await session.rows(
            "SELECT DISTINCT to_char(business_date, 'YYYY-MM') FROM journal_row_default", as: (String).self
        )
        return rows.compactMap(Month.init)
    }

    /// Creates `month`'s partition if missing; returns the rows moved out of the default
    /// partition (nil: it existed already).
    func ensure(_ month: Month) async throws(CentralError) -> Int? {
        let table = month.tableName
        return try await session.transaction { session in
            try await session.execute("SELECT pg_advisory_xact_lock(\(CentralMigrator.lockKey))")
            let exists = try await session.rows("SELECT count(*)::int8 FROM pg_class WHERE relname = \(table)", as: (Int64).self)
            guard exists.first == 0 else { return nil }
            let from = month.firstDay, to = month.adding(1).firstDay
            try await session.execute("CREATE TABLE \(table) (LIKE journal_row INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
            let moved = try await session.rows(
                PostgresQuery(unsafeSQL: """
                    WITH moved AS (
                        DELETE FROM journal_row_default WHERE business_date >= '\(from)' AND business_date < '\(to)' RETURNING *
                    ) , copied AS (INSERT INTO \(table) SELECT * FROM moved RETURNING 1)
                    SELECT count(*)::int8 FROM copied
                    """),
                as: (Int64).self
            )
            try await session.execute("ALTER TABLE journal_row ATTACH PARTITION \(table) FOR VALUES FROM ('\(from)') TO ('\(to)')")
            return Int(moved.first ?? 0)
        }
    }
}
