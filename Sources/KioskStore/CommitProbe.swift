import Foundation
import GRDB

/// Measures the disk's floor for durable commits: one-row transactions on a scratch SQLite
/// file with the journal's settings (WAL, `synchronous = FULL`). Every journal commit pays at
/// least this; group commit is how many commands share one.
public enum CommitProbe {
    /// Commits per second over `count` single-row transactions in a new file at `path`.
    public static func singleRowCommitsPerSecond(path: String, count: Int) throws -> Double {
        let pool = try DatabasePool(path: path)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        }
        let started = ContinuousClock.now
        for i in 0..<count {
            try pool.write { db in try db.execute(sql: "INSERT INTO probe (payload) VALUES (?)", arguments: ["row \(i)"]) }
        }
        let elapsed = ContinuousClock.now - started
        return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}
