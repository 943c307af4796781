import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A test's own systemd notify socket: a Unix datagram socket bound at a path, as systemd's
/// `$NOTIFY_SOCKET` is; `receive()` returns the datagrams that arrived so far, in order.
public final class NotifySocketListener: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    /// Every datagram received so far (text), oldest first. Guarded by `lock`.
    private var received: [String] = []
    private let lock = NSLock()

    public init(path: String) throws {
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw NotifySocketUnavailable(reason: "socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw NotifySocketUnavailable(reason: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { sunPath in
            for (i, byte) in bytes.enumerated() { sunPath[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
        guard bound else {
            let code = errno
            close(fd)
            throw NotifySocketUnavailable(reason: "bind \(path): errno \(code)")
        }
        self.fd = fd
        self.path = path
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Reads what is waiting without blocking and returns every datagram seen so far.
    public func receive() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard count > 0 else { break }
            received.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
        return received
    }
}

/// The test's notify socket could not be made.
public struct NotifySocketUnavailable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "notify socket: \(reason)" }
}
