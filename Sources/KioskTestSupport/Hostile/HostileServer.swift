import Foundation
import KioskCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP server on loopback that answers as a daemon gone wrong, or anything posing as one,
/// would: bodies too large to hold, an event stream whose line never ends, bytes that are not
/// HTTP, or silence. Or it relays to a real daemon (the good server coming back). Clients are
/// pointed at it and must show an error or "reconnecting", and recover once it relays again.
///
/// Plain sockets and a thread per connection: every byte it sends is chosen here, which a
/// framework would not allow (a wrong `Content-Length`, a head that is not HTTP).
public final class HostileServer: Sendable {
    public enum Behaviour: Sendable {
        /// A good server: every connection is relayed to the daemon on `port`.
        case relay(port: Int)
        /// `200` with a body of `bytes` (JSON-looking, never ending in time); on `/v1/events`
        /// a `text/event-stream` whose first line never ends.
        case oversized(bytes: Int)
        /// Bytes that are not HTTP, then the connection closes.
        case garbage
        /// Reads the request and never answers.
        case silent
        /// Answers each request path with the raw bytes `answer` gives (head and body), then,
        /// when it says `holdOpen` (an event stream), keeps the connection open without another
        /// byte; else closes it.
        case answers(@Sendable (_ path: String) -> (bytes: [UInt8], holdOpen: Bool))
    }

    public let port: Int
    private let listener: Int32
    private let state: Mutex<(behaviour: Behaviour, connections: Set<Int32>)>

    public init(_ behaviour: Behaviour) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(fd, 64) == 0 else {
            Glibc.close(fd)
            throw StartFailed()
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        state = Mutex((behaviour, []))
        Thread { [self] in acceptLoop() }.start()
    }

    public struct StartFailed: Error {}

    public var base: String { "http://127.0.0.1:\(port)" }

    /// From now on every connection gets `behaviour`; the ones open now are cut (a stream that
    /// was relayed ends, as when a server is replaced).
    public func become(_ behaviour: Behaviour) {
        let open = state.withLock { state in
            state.behaviour = behaviour
            return state.connections
        }
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    /// Stops listening and cuts every connection.
    public func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        let open = state.withLock { $0.connections }
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let behaviour = state.withLock { state in
                state.connections.insert(client)
                return state.behaviour
            }
            Thread { [self] in
                serve(client, behaviour)
                state.withLock { _ = $0.connections.remove(client) }
                Glibc.close(client)
            }.start()
        }
    }

    /// A complete answer: `status`, `body` of `contentType`, and the connection closed after it.
    public static func answer(_ status: Int, _ contentType: String, _ body: String) -> [UInt8] {
        let body = Array(body.utf8)
        return Array("HTTP/1.1 \(status) X\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body
    }

    private func serve(_ client: Int32, _ behaviour: Behaviour) {
        let head = readHead(client)
        let path = Self.path(of: head)
        switch behaviour {
        case let .relay(port):
            relay(client, head: head, upstreamPort: port)
        case let .oversized(bytes):
            if path.hasPrefix("/v1/events") {
                guard send(client, Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nretry: 500\n\ndata: ".utf8)) else { return }
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
                var sent = 0
                while sent < bytes, send(client, chunk) { sent += chunk.count }
            } else {
                guard send(client, Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes)\r\n\r\n{\"hall\":\"".utf8)) else { return }
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
                var sent = 0
                while sent < bytes, send(client, chunk) { sent += chunk.count }
            }
        case .garbage:
            var random = SplitMix64(seed: UInt64(bitPattern: Int64(client)))
            _ = send(client, (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
        case .silent:
            holdUntilClosed(client)
        case let .answers(answer):
            let (bytes, holdOpen) = answer(path)
            guard send(client, bytes) else { return }
            if holdOpen { holdUntilClosed(client) }
        }
    }

    /// The request's head, up to its blank line (at most 64 KiB).
    private func readHead(_ fd: Int32) -> [UInt8] {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.count < 64 * 1024 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { break }
            head += buffer[0..<n]
            if head.count >= 4, head.indices.dropFirst(3).contains(where: { head[$0 - 3..<$0 + 1].elementsEqual([13, 10, 13, 10]) }) { break }
        }
        return head
    }

    static func path(of head: [UInt8]) -> String {
        let line = String(decoding: head.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
        let words = line.split(separator: " ")
        return words.count >= 2 ? String(words[1]) : "/"
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// Reads and drops whatever comes until the peer closes (or `become` cuts the connection).
    private func holdUntilClosed(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) > 0 {}
    }

    private func relay(_ client: Int32, head: [UInt8], upstreamPort: Int) {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(upstream) }
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected, send(upstream, head) else { return }
        state.withLock { _ = $0.connections.insert(upstream) }
        defer { state.withLock { _ = $0.connections.remove(upstream) } }
        let back = Thread { [self] in
            pump(from: upstream, to: client)
            shutdown(client, Int32(SHUT_RDWR))
        }
        back.start()
        pump(from: client, to: upstream)
        shutdown(upstream, Int32(SHUT_RDWR))
        // Wait for the other direction to finish before the sockets are closed.
        while !back.isFinished { usleep(10_000) }
    }

    private func pump(from: Int32, to: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
            guard n > 0, send(to, Array(buffer[0..<n])) else { return }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
