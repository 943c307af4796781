import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// A consistent copy of a data directory's journal, taken while the daemon runs: SQLite's
/// online backup (through GRDB) reads one snapshot inside a read transaction on a read-only
/// connection, so the daemon's group commits go on (WAL) and nothing is written to the
/// journal. The copy is one self-contained file (rollback journal, not WAL), private (0600)
/// from its first byte, and appears under its name only once complete.
public enum JournalBackup {
    /// The journal's name in a data directory.
    public static let journalFileName = "journal.sqlite"

    /// Copies the journal of `dataDirectory` to `destination` (which must not exist).
    public static func write(dataDirectory: String, to destination: String) throws -> BackupSummary {
        let source = dataDirectory + "/" + journalFileName
        guard FileManager.default.fileExists(atPath: source) else { throw BackupError.noJournal(source) }
        guard !FileManager.default.fileExists(atPath: destination) else { throw BackupError.destinationExists(destination) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let journal = try DatabasePool(path: source, configuration: configuration)
        let partial = destination + ".partial-\(getpid())"
        try createPrivateFile(partial)
        do {
            let summary = try copy(journal, into: partial)
            try journal.close()
            try durablyRename(partial, to: destination)
            return summary
        } catch {
            unlink(partial)
            throw error
        }
    }

    /// One snapshot of `journal`, page by page, into the empty file at `path`.
    private static func copy(_ journal: DatabasePool, into path: String) throws -> BackupSummary {
        let copy = try DatabaseQueue(path: path)
        defer { try? copy.close() }
        try journal.backup(to: copy)
        return try copy.writeWithoutTransaction { db in
            // The pages carry the journal's WAL flag; a backup is one file, read anywhere.
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            let events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
            let lastSeq = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM event")
            return BackupSummary(path: "", events: events, lastSeq: lastSeq)
        }
    }

    /// An empty file only its owner may read, made so before any byte is copied into it.
    private static func createPrivateFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BackupError.cannotWrite(path, errno: errno) }
        fchmod(fd, 0o600)   // whatever the umask
        close(fd)
    }

    /// Renames and syncs the directory, so a power cut leaves either no backup or the whole one.
    private static func durablyRename(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else { throw BackupError.cannotWrite(to, errno: errno) }
        let directory = (to as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}

/// What a backup holds.
public struct BackupSummary: Sendable, Equatable {
    public var path: String
    /// Journal rows (events of every day) in the copy.
    public var events: Int
    /// The last event's sequence number in the copy; nil when the journal was empty.
    public var lastSeq: Int64?
}

public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    case noJournal(String)
    case destinationExists(String)
    case cannotWrite(String, errno: Int32)
    case notABackup(String)

    public var description: String {
        switch self {
        case let .noJournal(path): "no journal at \(path)"
        case let .destinationExists(path): "\(path) exists already (a backup never overwrites)"
        case let .cannotWrite(path, code): "cannot write \(path): \(String(cString: strerror(code)))"
        case let .notABackup(path): "\(path) is not a Kiosk journal"
        }
    }
}
