import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The data directory holds phone numbers and the hall's tokens: only its owner may read it.
/// Every file Kiosk puts there is created 0600 (never created open and tightened afterwards,
/// which would leave a moment when another user could open it), the directory 0700.
public enum PrivateFiles {
    /// rwx for the owner only.
    public static let directoryMode: mode_t = 0o700
    /// rw for the owner only.
    public static let fileMode: mode_t = 0o600

    /// Creates `path` (and missing parents) 0700, or leaves an existing directory as it is.
    public static func makeDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        // The parent by the last "/" (none: the working directory): NSString's
        // deletingLastPathComponent traps on a one-character path such as `--data-dir d`.
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        if let slash = trimmed.lastIndex(of: "/"), slash != trimmed.startIndex {
            let parent = String(trimmed[..<slash])
            if !FileManager.default.fileExists(atPath: parent) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        }
        // mkdir applies the umask to 0700, which can only take bits away.
        if mkdir(path, directoryMode) != 0 && errno != EEXIST {
            throw PrivateFileError(path: path, operation: "mkdir", code: errno)
        }
    }

    /// Creates `path` 0600 with `contents` if it does not exist yet. Returns whether it did
    /// (false: the file was there; its contents are left alone).
    @discardableResult
    public static func createFile(atPath path: String, contents: Data = Data()) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw PrivateFileError(path: path, operation: "create", code: errno)
        }
        defer { close(fd) }
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PrivateFileError(path: path, operation: "write", code: errno)
                }
                offset += written
            }
        }
        guard fsync(fd) == 0 else { throw PrivateFileError(path: path, operation: "fsync", code: errno) }
        return true
    }

    /// A handle appending to `path`, created 0600 when missing (logs, the SMS log outbox).
    public static func appendingHandle(atPath path: String) throws -> FileHandle {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw PrivateFileError(path: path, operation: "open", code: errno) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Makes `directory` 0700 and every file and folder in it owner-only, taking away group and
    /// other bits (the owner's own bits are kept, so an executable stays executable). Returns
    /// what it changed, for the caller to warn about: a data directory left readable by an
    /// older Kiosk or a careless copy is fixed at start, not silently trusted.
    public static func tighten(_ directory: String) throws -> [PermissionFix] {
        var fixes: [PermissionFix] = []
        func fix(_ path: String, isDirectory: Bool) throws {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                // SQLite removes its -wal and -shm files when the last connection closes (a CLI
                // read, a daemon stopping), so a file listed a moment ago may be gone: nothing to
                // tighten then, and no reason to refuse the start.
                if errno == ENOENT && path != directory { return }
                throw PrivateFileError(path: path, operation: "stat", code: errno)
            }
            // A symbolic link's own mode means nothing; what it points to is not ours to change.
            guard (info.st_mode & S_IFMT) != S_IFLNK else { return }
            let mode = info.st_mode & 0o7777
            let wanted = isDirectory ? directoryMode : (mode & 0o700)
            guard mode & 0o077 != 0 || (isDirectory && mode != wanted) else { return }
            guard chmod(path, wanted) == 0 else {
                if errno == ENOENT && path != directory { return }
                throw PrivateFileError(path: path, operation: "chmod", code: errno)
            }
            fixes.append(PermissionFix(path: path, from: mode, to: wanted))
        }
        try fix(directory, isDirectory: true)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in entries.sorted() {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                fixes += try tighten(path)
            } else {
                try fix(path, isDirectory: false)
            }
        }
        return fixes
    }

    /// Creates the data directory 0700 if needed and tightens what is already in it.
    public static func prepareDataDirectory(_ path: String) throws -> [PermissionFix] {
        try makeDirectory(path)
        return try tighten(path)
    }
}

/// A permission taken away at start.
public struct PermissionFix: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var from: mode_t
    public var to: mode_t

    public var description: String {
        "权限已收紧 permissions tightened: \(path) \(Self.octal(from)) → \(Self.octal(to)) (only the owner may read the hall's data)"
    }

    static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}

/// A file or folder of the data directory could not be made or made private.
public struct PrivateFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32

    public var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}
