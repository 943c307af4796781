import Foundation
import PostgresNIO

/// `kiosk central migrate`: brings the centre's schema up to date, creates the months ahead,
/// and the login roles of the halls named. Run by the database's owner; safe to run again
/// (every step checks what is there), and two at once wait for each other (advisory lock).
public struct CentralMigrator: Sendable {
    public let session: CentralSession

    public init(session: CentralSession) {
        self.session = session
    }

    /// What a run did, for the command to print.
    public struct Outcome: Sendable, Equatable {
        public var applied: [String] = []
        public var partitionsCreated: [String] = []
        public var rowsMovedFromDefault = 0
        public var hallsAdded: [String] = []
    }

    /// An arbitrary constant: the advisory lock of migrations.
    static let lockKey: Int64 = 0x4b696f736b

    /// Migrates, then makes sure the months `from`…`from + monthsAhead` have their partitions,
    /// then adds the halls `halls` (id → login role `hall_<id>`).
    public func migrate(from firstMonth: Month, monthsAhead: Int, halls: [String]) async throws(CentralError) -> Outcome {
        var outcome = Outcome()
        try await session.execute("CREATE TABLE IF NOT EXISTS kiosk_migration (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        for migration in CentralSchema.migrations {
            let applied: Bool = try await session.transaction { session in
                try await session.execute("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
                let done = try await session.rows("SELECT count(*)::int8 FROM kiosk_migration WHERE version = \(migration.version)", as: (Int64).self)
                guard done.first == 0 else { return false }
                for statement in migration.statements { try await session.execute(statement) }
                _ = try await session.rows(
                    "INSERT INTO kiosk_migration (version, name) VALUES (\(migration.version), \(migration.name))", as: (Int64).self
                )
                return true
            }
            if applied { outcome.applied.append("\(migration.version): \(migration.name)") }
        }
        let partitions = CentralPartitions(session: session)
        // The months asked for, and any month the default partition holds rows of (a day
        // imported before its month existed): those rows move to their month.
        var months = Set((0...monthsAhead).map { firstMonth.adding($0) })
        months.formUnion(try await partitions.monthsInDefault())
        for month in months.sorted() {
            if let moved = try await partitions.ensure(month) {
                outcome.partitionsCreated.append(month.tableName)
                outcome.rowsMovedFromDefault += moved
            }
        }
        for hall in halls {
            if try await addHall(hall) { outcome.hallsAdded.append(hall) }
        }
        return outcome
    }

    /// The login role of hall `id`: `hall_<id>`.
    public static func roleName(of hall: String) -> String { "hall_" + hall }

    /// Creates hall `id`'s login role (member of `kiosk_hall`, no password: set one with
    /// `ALTER ROLE`, or let pg_hba.conf authenticate it) and its `central_hall` row; false when
    /// it was there.
    func addHall(_ id: String) async throws(CentralError) -> Bool {
        let role = Self.roleName(of: id)
        // Quoted: hall ids may hold '-'; an id is checked to be [a-z0-9_-] before it gets here.
        let quoted = "\"" + role + "\""
        return try await session.transaction { session in
            try await session.execute("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
            let exists = try await session.rows("SELECT count(*)::int8 FROM central_hall WHERE hall_id = \(id)", as: (Int64).self)
            guard exists.first == 0 else { return false }
            let roles = try await session.rows("SELECT count(*)::int8 FROM pg_roles WHERE rolname = \(role)", as: (Int64).self)
            if roles.first == 0 { try await session.execute("CREATE ROLE \(quoted) LOGIN") }
            try await session.execute("GRANT kiosk_hall TO \(quoted)")
            _ = try await session.rows("INSERT INTO central_hall (hall_id, role_name) VALUES (\(id), \(role))", as: (Int64).self)
            return true
        }
    }
}
