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
    /// What was relayed from the daemon to its clients so far (tests relay little).
    private let downstream = Mutex<[UInt8]>([])
    var relayedDownstream: String { downstream.withLock { String(decoding: $0, as: UTF8.self) } }

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let socket = try LoopbackSocket.listen()
        listener = socket.fd
        port = socket.port
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

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

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            guard let upstream = LoopbackSocket.connect(port: upstreamPort) else {
                Glibc.close(client)
                continue
            }
            let generation = state.withLock { s in
                s.generation += 1
                s.fds += [client, upstream]
                return s.generation
            }
            for (from, to) in [(client, upstream), (upstream, client)] {
                Thread { [self] in relay(from: from, to: to, generation: generation, toClient: from == upstream) }.start()
            }
        }
    }

    private func relay(from: Int32, to: Int32, generation: Int, toClient: Bool) {
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
            if toClient { downstream.withLock { $0 += buffer[0..<n] } }
        }
    }
}
