import Foundation

/// A folder of dated backups (`kiosk backup --keep N`): each copy is named for the moment it
/// was taken, in UTC so names sort by time; after a new copy, all but the newest N go.
public struct BackupFolder: Sendable {
    public let path: String
    static let prefix = "kiosk-journal-"
    static let suffix = ".sqlite"

    public init(path: String) {
        self.path = path
    }

    /// Where a copy taken at `instant` goes: `kiosk-journal-20261201T154400.123Z.sqlite`.
    public func newCopyPath(at instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return path + "/" + Self.prefix + formatter.string(from: instant) + Self.suffix
    }

    /// The dated copies in the folder, oldest first (other files are not ours and stay).
    public func copies() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasPrefix(Self.prefix) && $0.hasSuffix(Self.suffix) }
            .sorted()
            .map { path + "/" + $0 }
    }

    /// Where `kiosk backup … OUT` writes: a dated copy in the folder OUT with `--keep` or when
    /// OUT is a folder already (made 0700 when missing), else the file OUT itself.
    public static func destination(for output: String, keep: Int?, at instant: Date) throws -> (file: String, folder: BackupFolder?) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        guard keep != nil || (exists && isDirectory.boolValue) else { return (output, nil) }
        if !exists {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let folder = BackupFolder(path: output)
        return (folder.newCopyPath(at: instant), folder)
    }

    /// Deletes all but the newest `keep` copies; returns the deleted paths.
    @discardableResult
    public func prune(keeping keep: Int) throws -> [String] {
        let all = try copies()
        let old = Array(all.dropLast(max(keep, 1)))
        for file in old { try FileManager.default.removeItem(atPath: file) }
        return old
    }
}
