import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A centre that has stalled: it accepts TCP connections on a loopback port and never says a
/// word (a PostgreSQL hung on its disk, a firewall that swallows packets after the handshake).
/// It keeps every connection open and counts them, so the bench can show the hall's shipper
/// really kept trying while it measured.
final class SilentCentre: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var held: [Int32] = []
    private var closed = false

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchFailure("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw BenchFailure("bind/listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptForever() }
        thread.start()
    }

    /// Connections accepted so far (each one a shipping attempt left hanging).
    var connections: Int {
        lock.withLock { held.count }
    }

    private func acceptForever() {
        while true {
            let client = accept(listener, nil, nil)
            let keep = lock.withLock { () -> Bool in
                guard !closed, client >= 0 else { return false }
                held.append(client)
                return true
            }
            if !keep {
                if client >= 0 { close(client) }
                if lock.withLock({ closed }) { return }
            }
        }
    }

    /// Closes every connection and the listener.
    func stop() {
        let fds = lock.withLock { () -> [Int32] in
            closed = true
            defer { held = [] }
            return held
        }
        for fd in fds { close(fd) }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
