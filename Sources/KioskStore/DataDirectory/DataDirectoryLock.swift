import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One writer per data directory: `flock` on `kiosk.lock` beside the journal, taken before the
/// journal is opened for writing and held for the life of the process (the kernel lets go when
/// it exits, even after kill -9: no stale lock to clean up). The file holds the holder's PID,
/// so the next one can say who is in the way.
public final class DataDirectoryLock: Sendable {
    public static let fileName = "kiosk.lock"

    private let descriptor: Mutex<Int32>
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = Mutex(descriptor)
        self.path = path
    }

    /// Takes the lock of `directory` (which must exist), or throws `DataDirectoryInUse` at once
    /// when another process (or another writer in this one) holds it.
    public static func acquire(directory: String) throws -> DataDirectoryLock {
        let path = directory + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
        guard fd >= 0 else { throw PrivateFileError(path: path, operation: "open", code: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            guard code == EWOULDBLOCK else { throw PrivateFileError(path: path, operation: "flock", code: code) }
            throw DataDirectoryInUse(directory: directory, pid: holder(of: path))
        }
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(fd, 0) == 0, pwrite(fd, text, text.count, 0) == text.count else {
            let code = errno
            close(fd)
            throw PrivateFileError(path: path, operation: "write", code: code)
        }
        return DataDirectoryLock(descriptor: fd, path: path)
    }

    /// The PID written by the holder. It writes right after taking the lock, so an empty file
    /// means "just now": look again for a moment.
    private static func holder(of path: String) -> Int32? {
        for _ in 0..<50 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
               let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            usleep(20_000)
        }
        return nil
    }

    /// Lets go (another writer may start). Idempotent; also done when the lock is freed.
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}

/// Another process writes this data directory.
public struct DataDirectoryInUse: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public var directory: String
    public var pid: Int32?

    public var description: String {
        let who = pid.map(String.init) ?? "?"
        return "数据目录正被 PID \(who) 使用 data directory in use by PID \(who)"
    }

    public var errorDescription: String? { description }
}
