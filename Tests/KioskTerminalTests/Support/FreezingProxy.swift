import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A TCP relay on loopback in front of a daemon that can freeze the connections it has: they
/// stay open but no byte gets through any more, as with a pulled cable or a switch port gone
/// to sleep (the half-open connection TCP alone does not notice). New connections relay
/// normally.
final class FreezingProxy: Sendable {
    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    /// Generation of each live connection; connections older than `frozenBefore` are frozen.
    private let state = Mutex((generation: 0, frozenBefore: 0, fds: [Int32]()))

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok, listen(fd, 64) == 0 else { throw PortTaken() }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    struct PortTaken: Error {}

    /// Every connection open now stops passing bytes (both ways), without closing.
    func freezeOpenConnections() {
        state.withLock { $0.frozenBefore = $0.generation }
    }

    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        let fds = state.withLock { $0.fds }
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: upstreamPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            guard connected else {
                Glibc.close(client)
                Glibc.close(upstream)
                continue
            }
            let generation = state.withLock { s in
                s.generation += 1
                s.fds += [client, upstream]
                return s.generation
            }
            for (from, to) in [(client, upstream), (upstream, client)] {
                Thread { [self] in relay(from: from, to: to, generation: generation) }.start()
            }
        }
    }

    private func relay(from: Int32, to: Int32, generation: Int) {
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            if state.withLock({ generation <= $0.frozenBefore }) {
                // Frozen: hold the bytes, keep the sockets open, until the test ends.
                var pfd = pollfd(fd: from, events: Int16(POLLHUP), revents: 0)
                if poll(&pfd, 1, 100) > 0 && pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return }
                continue
            }
            var pfd = pollfd(fd: from, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) >= 0 else { return }
            guard pfd.revents != 0 else { continue }
            if state.withLock({ generation <= $0.frozenBefore }) { continue }
            let n = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
            guard n > 0 else {
                shutdown(to, Int32(SHUT_WR))
                return
            }
            var sent = 0
            while sent < n {
                let m = buffer[sent..<n].withUnsafeBytes { send(to, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard m > 0 else { return }
                sent += m
            }
        }
    }
}
