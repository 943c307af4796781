import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A `GET /v1/events` over a plain POSIX socket, read as a screen would: headers, then
/// Server-Sent Events as they arrive. Every read waits for the expected content up to a
/// deadline, never for a fixed time.
final class EventStreamConnection: Sendable {
    /// One event as the stream sent it.
    struct Event: Sendable, Equatable {
        var id: Int64?
        var event: String?
        var data: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private struct State {
        var fd: Int32
        var raw: [UInt8] = []
        var headerDone = false
        var chunked = false
        var body: [UInt8] = []
        var consumedEvents = 0
        var ended = false
        var status = 0
        var headers: [(String, String)] = []
        var events: [Event] = []
    }

    private let state: Mutex<State>

    private init(fd: Int32) {
        state = Mutex(State(fd: fd))
    }

    /// Connects to 127.0.0.1:`port`, sends the GET and reads the status line and headers.
    static func open(
        port: Int, path: String = "/v1/events", token: String?, headers: [(String, String)] = [], deadline: Duration = .seconds(10)
    ) async throws -> EventStreamConnection {
        let connection = try await onOwnThread { () throws -> EventStreamConnection in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                Glibc.close(fd)
                throw Failure(description: "connect: \(errno)")
            }
            var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
            if let token { request += "Authorization: Bearer \(token)\r\n" }
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            request += "\r\n"
            let bytes = Array(request.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else {
                    Glibc.close(fd)
                    throw Failure(description: "send: \(errno)")
                }
                sent += n
            }
            return EventStreamConnection(fd: fd)
        }
        try await connection.read(until: { $0.headerDone }, deadline: deadline)
        return connection
    }

    var status: Int { state.withLock { $0.status } }
    /// The value of header `name` (any case).
    func header(_ name: String) -> String? {
        state.withLock { s in s.headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// The body received so far (de-chunked), as text.
    var bodyText: String { state.withLock { String(decoding: $0.body, as: UTF8.self) } }
    /// Every event received so far.
    var events: [Event] { state.withLock { $0.events } }
    /// The ids of the events received so far, in order.
    var ids: [Int64] { events.compactMap(\.id) }
    /// Whether the server ended the stream (final chunk or closed connection).
    var ended: Bool { state.withLock { $0.ended } }

    /// Reads until the ids include `seq` (or a deadline passes: then throws).
    func read(throughID seq: Int64, deadline: Duration = .seconds(10)) async throws {
        try await read(until: { s in s.events.contains { ($0.id ?? 0) >= seq } }, deadline: deadline)
    }

    /// Reads until the server ends the stream (or a deadline passes: then throws).
    func readToEnd(deadline: Duration = .seconds(10)) async throws {
        try await read(until: { $0.ended }, deadline: deadline)
    }

    func close() {
        state.withLock { s in
            if s.fd >= 0 { Glibc.close(s.fd) }
            s.fd = -1
        }
    }

    deinit {
        close()
    }

    private func read(until done: @escaping @Sendable (State) -> Bool, deadline: Duration) async throws {
        let limit = ContinuousClock.now + deadline
        try await onOwnThread { [self] in
            try state.withLock { s in
                while !done(s) {
                    if s.ended { throw Failure(description: "stream ended early; body so far: \(String(decoding: s.body, as: UTF8.self))") }
                    let left = limit - ContinuousClock.now
                    guard left > .zero else {
                        throw Failure(description: "deadline passed; status \(s.status), ids \(s.events.compactMap(\.id)), body: \(String(decoding: s.body, as: UTF8.self).suffix(400))")
                    }
                    var pfd = pollfd(fd: s.fd, events: Int16(POLLIN), revents: 0)
                    let ms = Int32(min(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000), 1000))
                    let ready = poll(&pfd, 1, ms)
                    if ready < 0 && errno != EINTR { throw Failure(description: "poll: \(errno)") }
                    guard ready > 0 else { continue }
                    var buffer = [UInt8](repeating: 0, count: 16384)
                    let n = buffer.withUnsafeMutableBytes { recv(s.fd, $0.baseAddress, $0.count, 0) }
                    if n < 0 {
                        if errno == EINTR || errno == EAGAIN { continue }
                        s.ended = true
                    } else if n == 0 {
                        s.ended = true
                    } else {
                        s.raw += buffer[0..<n]
                    }
                    Self.parse(&s)
                }
            }
        }
    }

    /// Moves bytes from `raw` through headers and chunk framing into `body`, then events.
    private static func parse(_ s: inout State) {
        if !s.headerDone {
            guard let end = find([13, 10, 13, 10], in: s.raw, from: 0) else { return }
            let head = String(decoding: s.raw[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let statusParts = head.first?.split(separator: " ") ?? []
            s.status = statusParts.count > 1 ? Int(statusParts[1]) ?? 0 : 0
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                s.headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            s.chunked = s.headers.contains { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }
            s.raw.removeFirst(end + 4)
            s.headerDone = true
        }
        if s.chunked {
            while let lineEnd = find([13, 10], in: s.raw, from: 0) {
                let sizeText = String(decoding: s.raw[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { s.ended = true; break }
                if size == 0 {
                    s.ended = true
                    s.raw = []
                    break
                }
                guard s.raw.count >= lineEnd + 2 + size + 2 else { break }
                s.body += s.raw[(lineEnd + 2)..<(lineEnd + 2 + size)]
                s.raw.removeFirst(lineEnd + 2 + size + 2)
            }
        } else {
            s.body += s.raw
            s.raw = []
        }
        // Events are separated by a blank line; only complete ones are parsed.
        let text = String(decoding: s.body, as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n").dropLast()
        guard blocks.count > s.consumedEvents else { return }
        for block in blocks.dropFirst(s.consumedEvents) {
            var event = Event(id: nil, event: nil, data: "")
            var hasData = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("id:") { event.id = Int64(line.dropFirst(3).trimmingCharacters(in: .whitespaces)) }
                if line.hasPrefix("event:") { event.event = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix("data:") {
                    event.data += (hasData ? "\n" : "") + line.dropFirst(5).trimmingCharacters(in: .whitespaces)
                    hasData = true
                }
            }
            if hasData || event.id != nil { s.events.append(event) }
        }
        s.consumedEvents = blocks.count
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count + start else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
