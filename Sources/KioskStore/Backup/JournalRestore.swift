import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a backup back as a data directory's journal: only a copy that verifies, only while no
/// daemon (or other writer) holds the directory's lock, and without losing what was there —
/// the journal it replaces is set aside beside it (`journal.sqlite.before-restore-…`, with
/// its WAL), not deleted.
public struct JournalRestore: Sendable {
    public let verifier: JournalVerifier

    public init(verifier: JournalVerifier) {
        self.verifier = verifier
    }

    public struct Outcome: Sendable, Equatable {
        public var report: JournalVerifier.Report
        /// Where the replaced journal went; nil when the directory had none.
        public var setAside: String?
    }

    /// Throws `VerifyFailure` for an unsound copy and `DataDirectoryInUse` while a daemon runs
    /// on `dataDirectory`; in either case nothing in the directory has changed.
    public func restore(backup: String, dataDirectory: String, at instant: Date) throws -> Outcome {
        let report = try verifier.verify(file: backup)
        try PrivateFiles.makeDirectory(dataDirectory)
        let lock = try DataDirectoryLock.acquire(directory: dataDirectory)
        defer { lock.release() }
        let journal = dataDirectory + "/" + JournalBackup.journalFileName
        let partial = journal + ".restoring"
        unlink(partial)
        try PrivateFiles.createFile(atPath: partial, contents: try Data(contentsOf: URL(fileURLWithPath: backup)))
        var setAside: String?
        if FileManager.default.fileExists(atPath: journal) {
            let aside = journal + ".before-restore-" + Self.stamp(instant)
            // The WAL belongs to its database by name: both move together, or the set-aside
            // copy would lose its last commits. The -shm is rebuilt from them.
            try move(journal, to: aside)
            if FileManager.default.fileExists(atPath: journal + "-wal") { try move(journal + "-wal", to: aside + "-wal") }
            unlink(journal + "-shm")
            setAside = aside
        }
        try move(partial, to: journal)
        Self.syncDirectory(dataDirectory)
        return Outcome(report: report, setAside: setAside)
    }

    private func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else { throw PrivateFileError(path: to, operation: "rename", code: errno) }
    }

    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func stamp(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: instant)
    }
}
