#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Follows a daemon's `GET /v1/events` (Server-Sent Events over HTTP/1.1, chunked), resuming
/// with `Last-Event-ID` after every drop, until stopped.
///
/// The blocking socket calls run on one dedicated `Thread`, never on the Swift cooperative
/// pool; updates reach async code through an `AsyncStream`. Stopping (ending the stream's
/// iteration or calling `stop()`) shuts the socket down, which wakes a blocked `read`.
public final class EventStreamClient: Sendable {
    public struct Configuration: Sendable {
        public var address: ServerAddress
        public var path: String = "/v1/events"
        /// Sent as `Authorization: Bearer …` when set.
        public var token: String?
        /// Resume after this id on the first connection too (nil: the daemon's whole backlog).
        public var lastEventID: String?
        /// Delay between attempts when the server named none with `retry:`, in milliseconds.
        public var reconnectMilliseconds: Int = 1000
        /// Longest wait for a TCP connection, in seconds.
        public var connectTimeout: Int = 3

        public init(address: ServerAddress, token: String?, lastEventID: String? = nil) {
            self.address = address
            self.token = token
            self.lastEventID = lastEventID
        }
    }

    private struct State {
        var stopped = false
        /// The socket being read, so `stop()` can shut it down from another thread.
        var socket: Int32 = -1
        var started = false
    }

    public let configuration: Configuration
    private let state = Mutex(State())
    /// Signalled by `stop()` to cut a reconnection wait short.
    private let wake = DispatchSemaphore(value: 0)

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Starts the reader thread (once) and returns its updates. Ending the iteration stops it.
    public func updates() -> AsyncStream<EventStreamUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(of: EventStreamUpdate.self, bufferingPolicy: .unbounded)
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [self] _ in stop() }
        let thread = Thread { [self] in
            run(continuation)
            continuation.finish()
        }
        thread.name = "kiosk.events"
        thread.start()
        return stream
    }

    /// Stops reading: the current connection is shut down and no new one is made.
    public func stop() {
        let socket = state.withLock { state in
            state.stopped = true
            return state.socket
        }
        if socket >= 0 { _ = shutdown(socket, Int32(SHUT_RDWR)) }
        wake.signal()
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// The reader thread: connect, stream, report the drop, wait, again.
    private func run(_ continuation: AsyncStream<EventStreamUpdate>.Continuation) {
        var lastEventID = configuration.lastEventID
        var retry = configuration.reconnectMilliseconds
        while !isStopped {
            var parser = SSEParser(lastEventID: lastEventID)
            let reason: String
            do {
                try stream(into: &parser, continuation)
                reason = "the daemon closed the stream"
            } catch {
                reason = "\(error)"
            }
            lastEventID = parser.lastEventID
            if let asked = parser.retryMilliseconds { retry = max(100, min(asked, 60_000)) }
            if isStopped { break }
            continuation.yield(.disconnected(reason: reason))
            _ = wake.wait(timeout: .now() + .milliseconds(retry))
        }
    }

    /// One connection: request, head, body until it ends. Throws why it ended early.
    private func stream(into parser: inout SSEParser, _ continuation: AsyncStream<EventStreamUpdate>.Continuation) throws(StreamError) {
        let socket = try connect()
        let registered = state.withLock { state in
            guard !state.stopped else { return false }
            state.socket = socket
            return true
        }
        defer {
            state.withLock { $0.socket = -1 }
            close(socket)
        }
        guard registered else { return }
        try send(request(lastEventID: parser.lastEventID), on: socket)

        var buffer = [UInt8](repeating: 0, count: 16_384)
        var pending: [UInt8] = []
        var head: HTTPResponseHead?
        var chunked: ChunkedDecoder?
        while true {
            let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StreamError("read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                if head == nil { throw StreamError("connection closed before a response") }
                return
            }
            var body = Array(buffer[0..<count])
            if head == nil {
                pending += body
                let split: (head: HTTPResponseHead, rest: [UInt8])?
                do { split = try HTTPResponseHead.split(pending) } catch { throw StreamError("\(error)") }
                guard let split else { continue }
                guard split.head.status == 200 else { throw StreamError("HTTP \(split.head.status)\(Self.statusHint(split.head.status))") }
                head = split.head
                if split.head.isChunked { chunked = ChunkedDecoder() }
                pending = []
                body = split.rest
                continuation.yield(.connected)
            }
            if chunked != nil {
                do { body = try chunked!.feed(body) } catch { throw StreamError("\(error)") }
            }
            for event in parser.feed(body) { continuation.yield(.event(event)) }
            if chunked?.isFinished == true { return }
        }
    }

    private static func statusHint(_ status: Int) -> String {
        switch status {
        case 401: return " (the display token was refused)"
        case 403: return " (this token may not read the hall)"
        case 503: return " (the daemon is shutting down)"
        default: return ""
        }
    }

    private func request(lastEventID: String?) -> String {
        var lines = [
            "GET \(configuration.address.basePath)\(configuration.path) HTTP/1.1",
            "Host: \(configuration.address.hostHeader)",
            "Accept: text/event-stream",
            "Cache-Control: no-cache",
            "User-Agent: kiosk-display",
        ]
        if let token = configuration.token { lines.append("Authorization: Bearer \(token)") }
        if let lastEventID, !lastEventID.isEmpty { lines.append("Last-Event-ID: \(lastEventID)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// A connected TCP socket to the configured host, trying each resolved address.
    private func connect() throws(StreamError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let address = configuration.address
        let status = getaddrinfo(address.host, String(address.port), &hints, &list)
        guard status == 0, let first = list else {
            throw StreamError("cannot resolve \(address.host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var failure = "no address for \(address.host)"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            // On Linux a blocking connect gives up after SO_SNDTIMEO.
            var timeout = timeval(tv_sec: configuration.connectTimeout, tv_usec: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            #if canImport(Darwin)
            var one: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            if systemConnect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
            failure = "cannot connect to \(address.host):\(address.port): \(String(cString: strerror(errno)))"
            close(fd)
        }
        throw StreamError(failure)
    }

    private func send(_ text: String, on socket: Int32) throws(StreamError) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.send(socket, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(socket, raw.baseAddress, raw.count, 0)
                #endif
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw StreamError("send failed: \(String(cString: strerror(errno)))")
            }
            offset += sent
        }
    }
}

/// Why one connection of the event stream ended.
struct StreamError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `connect` without the name clash with `EventStreamClient.connect()`.
@inline(__always)
private func systemConnect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.connect(fd, address, length)
    #else
    Darwin.connect(fd, address, length)
    #endif
}
