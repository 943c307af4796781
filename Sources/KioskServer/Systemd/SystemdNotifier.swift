import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's side of systemd's notify protocol (`Type=notify`): one datagram per state
/// change (`READY=1`, `WATCHDOG=1`, `STOPPING=1`) to the Unix datagram socket named by
/// `$NOTIFY_SOCKET`. A leading `@` names a socket in the abstract namespace. Without
/// `$NOTIFY_SOCKET` (a terminal, a test, a container) nothing is sent; a send that fails is
/// dropped: the hall keeps serving whatever systemd thinks.
public final class SystemdNotifier: Sendable {
    /// The socket's address as systemd gave it (`/run/systemd/notify`, `@abstract`).
    public let socketPath: String
    private let descriptor: Mutex<Int32>

    /// nil when `$NOTIFY_SOCKET` is unset or empty, or names no usable Unix socket address.
    public convenience init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return nil }
        self.init(socketPath: path)
    }

    /// nil when `socketPath` cannot be a Unix socket address (too long, relative).
    public init?(socketPath: String) {
        guard socketPath.hasPrefix("/") || socketPath.hasPrefix("@"),
              socketPath.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else { return nil }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        self.socketPath = socketPath
        descriptor = Mutex(fd)
    }

    deinit {
        descriptor.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    /// The journal is folded and the port listens: systemd may start what depends on us.
    public func ready(status: String) {
        send("READY=1\nMAINPID=\(getpid())\nSTATUS=\(status)")
    }

    /// The hall is alive (its tick went through the actor and the journal).
    public func watchdog() {
        send("WATCHDOG=1")
    }

    /// A graceful shutdown began: streams end, requests in flight finish, the journal drains.
    public func stopping() {
        send("STOPPING=1\nSTATUS=draining")
    }

    /// Sends `state` (newline-separated `KEY=value` lines) as one datagram; true if it left.
    @discardableResult
    public func send(_ state: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(socketPath.utf8)
        // Abstract namespace: the name starts with a NUL and is not NUL-terminated, so the
        // address length must count exactly its bytes.
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { path in
            for (i, byte) in bytes.enumerated() { path[i] = byte }
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
        let length = socklen_t(pathOffset + bytes.count + (abstract ? 0 : 1))
        let payload = Array(state.utf8)
        return descriptor.withLock { fd in
            guard fd >= 0 else { return false }
            let sent = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                    payload.withUnsafeBytes { sendto(fd, $0.baseAddress, payload.count, Int32(MSG_NOSIGNAL), sockaddr, length) }
                }
            }
            return sent == payload.count
        }
    }
}
