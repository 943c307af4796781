import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A text file a command was pointed at (a hall config), read whole; when it cannot be, the
/// reason in a few words (`no such file`), not Foundation's "The operation could not be
/// completed" sentence.
public enum TextFile {
    public struct Unreadable: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
        public var path: String
        /// `no such file`, `permission denied`, `is a directory`, `not UTF-8 text`, …
        public var reason: String

        public init(path: String, reason: String) {
            (self.path, self.reason) = (path, reason)
        }

        public var errorDescription: String? { reason }
        public var description: String { "\(path): \(reason)" }
    }

    public static func read(_ path: String) throws(Unreadable) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Unreadable(path: path, reason: reason(errno)) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw Unreadable(path: path, reason: "is a directory") }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw Unreadable(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw Unreadable(path: path, reason: "not UTF-8 text") }
        return text
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
