import Foundation
import GRDB
import Synchronization

/// Decides when a repeated fault is worth a log line: the first of each kind at once, then at
/// most one per `interval` (a full disk fails every command and every tick; ten lines a second
/// of the same error would bury everything else, and fill the disk a little more).
public final class FaultLogThrottle: Sendable {
    private struct Seen {
        var lastLogged: ContinuousClock.Instant
        var heldBack: Int
    }

    public let interval: Duration
    private let seen = Mutex<[String: Seen]>([:])

    public init(interval: Duration = .seconds(10)) {
        self.interval = interval
    }

    /// Whether to log a fault of `kind` now: nil to stay quiet, else how many of this kind were
    /// held back since the last line (to say so in it).
    public func admit(_ kind: String, now: ContinuousClock.Instant = .now) -> Int? {
        seen.withLock { seen in
            if let previous = seen[kind], now - previous.lastLogged < interval {
                seen[kind]?.heldBack += 1
                return nil
            }
            let heldBack = seen[kind]?.heldBack ?? 0
            seen[kind] = Seen(lastLogged: now, heldBack: 0)
            return heldBack
        }
    }

    /// Forgets `kind` (it has stopped happening): its next occurrence is logged at once.
    public func clear(_ kind: String) {
        _ = seen.withLock { $0.removeValue(forKey: kind) }
    }

    /// Forgets every kind.
    public func clearAll() {
        seen.withLock { $0 = [:] }
    }
}

/// Names a journal failure by its kind, for throttled logs and metrics: SQLite's primary result
/// code (`SQLITE_FULL` disk full or file-size limit, `SQLITE_IOERR`, `SQLITE_READONLY`,
/// `SQLITE_BUSY`…), or the error's type.
public enum JournalFault {
    public static func kind(of error: any Error) -> String {
        if let database = error as? DatabaseError {
            switch database.resultCode.primaryResultCode {
            case .SQLITE_FULL: return "disk_full"
            case .SQLITE_IOERR: return "io_error"
            case .SQLITE_READONLY: return "read_only"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "busy"
            case .SQLITE_CANTOPEN: return "cannot_open"
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "corrupt"
            default: return "sqlite_\(database.resultCode.primaryResultCode.rawValue)"
            }
        }
        return String(describing: type(of: error))
    }
}
