import Foundation
import KioskCore

/// What `kiosk central migrate` is asked to do: from which month its partitions start, how
/// many months after it, and which halls get a login role; checked before connecting.
public struct MigrationPlan: Sendable, Equatable {
    public var firstMonth: Month
    public var monthsAhead: Int
    public var halls: [String]

    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// `from` is `YYYY-MM` (nil: the month of `now`, UTC); `monthsAhead` 0…120; each hall a
    /// valid `hall.id`.
    public init(from: String?, monthsAhead: Int, halls: [String], now: Date) throws(Invalid) {
        if let from {
            guard let month = Month(from) else { throw Invalid(description: "--from: expected YYYY-MM, got '\(from)'") }
            firstMonth = month
        } else {
            firstMonth = Month(of: now)
        }
        guard (0...120).contains(monthsAhead) else { throw Invalid(description: "--months-ahead must be 0…120") }
        for id in halls where !HallConfig.isValidHallID(id) {
            throw Invalid(description: "--hall: '\(id)' is no hall id (1–40 characters of a–z, 0–9, '-' and '_')")
        }
        self.monthsAhead = monthsAhead
        self.halls = halls
    }
}

extension CentralMigrator {
    /// Carries out `plan`.
    public func migrate(_ plan: MigrationPlan) async throws(CentralError) -> Outcome {
        try await migrate(from: plan.firstMonth, monthsAhead: plan.monthsAhead, halls: plan.halls)
    }
}

extension CentralMigrator.Outcome {
    /// What `kiosk central migrate` prints: each migration applied, the partitions made (and
    /// rows moved to them), each hall added, and that the centre at `address` is up to date.
    public func lines(address: String) -> [String] {
        var lines = applied.map { "applied migration \($0)" }
        if let first = partitionsCreated.first, let last = partitionsCreated.last {
            lines.append("created \(partitionsCreated.count) monthly partitions (\(first) … \(last))"
                + (rowsMovedFromDefault > 0 ? ", moved \(rowsMovedFromDefault) rows out of the default partition" : ""))
        }
        lines += hallsAdded.map { "added hall \($0): login role \(CentralMigrator.roleName(of: $0))" }
        lines.append("the centre at \(address) is up to date")
        return lines
    }
}
