import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP relay on loopback in front of a daemon that lets everything through except
/// `GET /v1/hall`, which it refuses with a 503 (`refuse`) or holds unanswered (`hold`): a
/// screen behind it follows the event stream but can never read the hall. (One request per
/// connection is looked at: the first; the screen reads the hall on connections of its own.)
final class HallReadBlockingProxy: Sendable {
    enum Mode: Sendable {
        case refuse
        case hold
    }

    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    private let mode: Mode
    private let fds = Mutex<[Int32]>([])
    /// `GET /v1/hall` requests blocked so far.
    let blocked = Atomic<Int>(0)

    init(upstreamPort: Int, mode: Mode) throws {
        self.upstreamPort = upstreamPort
        self.mode = mode
        let socket = try LoopbackSocket.listen()
        listener = socket.fd
        port = socket.port
        Thread { [self] in acceptLoop() }.start()
    }

    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        for fd in fds.withLock({ $0 }) { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            fds.withLock { $0.append(client) }
            Thread { [self] in serve(client) }.start()
        }
    }

    /// Reads the first request's head, then blocks it or relays the connection.
    private func serve(_ client: Int32) {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while !head.containsHeadEnd {
            let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return }
            head += buffer[0..<n]
        }
        let requestLine = String(decoding: head.prefix { $0 != 13 }, as: UTF8.self)
        if requestLine.hasPrefix("GET /v1/hall ") || requestLine.hasPrefix("GET /v1/hall?") {
            blocked.add(1, ordering: .relaxed)
            switch mode {
            case .refuse:
                let answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                _ = answer.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                shutdown(client, Int32(SHUT_RDWR))
            case .hold:
                // Never answered: wait until the client gives up (or the test ends).
                var pfd = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                while poll(&pfd, 1, 100) >= 0 {
                    if pfd.revents != 0 && recv(client, &buffer, buffer.count, 0) <= 0 { break }
                }
            }
            Glibc.close(client)
            return
        }
        guard let upstream = LoopbackSocket.connect(port: upstreamPort) else {
            Glibc.close(client)
            return
        }
        guard Self.sendAll(head[...], to: upstream) else {
            Glibc.close(client)
            Glibc.close(upstream)
            return
        }
        fds.withLock { $0.append(upstream) }
        Thread { Self.relay(from: upstream, to: client) }.start()
        Self.relay(from: client, to: upstream)
    }

    private static func relay(from: Int32, to: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
            guard n > 0, sendAll(buffer[0..<n], to: to) else {
                shutdown(to, Int32(SHUT_WR))
                return
            }
        }
    }

    private static func sendAll(_ bytes: ArraySlice<UInt8>, to fd: Int32) -> Bool {
        var sent = bytes.startIndex
        while sent < bytes.endIndex {
            let m = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard m > 0 else { return false }
            sent += m
        }
        return true
    }
}

private extension Array where Element == UInt8 {
    /// Whether an HTTP request head is complete (`\r\n\r\n` seen).
    var containsHeadEnd: Bool {
        guard count >= 4 else { return false }
        for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 { return true }
        return false
    }
}
