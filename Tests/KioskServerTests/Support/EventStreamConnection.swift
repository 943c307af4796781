import Foundation
import KioskHTTPClient
import KioskTerminal
import Synchronization

/// A `GET /v1/events` read as a screen reads it: through the libcurl transport's streaming
/// mode and the hall screen's own SSE parser. Every read waits for the expected content up to
/// a deadline, never for a fixed time.
final class EventStreamConnection: Sendable {
    /// One event as the stream sent it.
    struct Event: Sendable, Equatable {
        var id: Int64?
        var event: String
        var data: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct State {
        var body = Data()
        var events: [Event] = []
        var ended = false
        /// Why the transfer ended, when it did not end cleanly.
        var error: String?
    }

    /// What the background reader has received; shared with it without keeping `self` alive.
    final class Received: Sendable {
        let state = Mutex(State())
    }

    let status: Int
    private let response: HTTPResponseStream
    private let received = Received()
    private let reader = Mutex<Task<Void, Never>?>(nil)

    private init(response: HTTPResponseStream) {
        self.response = response
        status = response.status
    }

    /// Connects to 127.0.0.1:`port` and returns once the status line and headers are in; the
    /// body is then read in the background.
    static func open(
        port: Int, path: String = "/v1/events", token: String?, headers extra: [(String, String)] = [], deadline: Duration = .seconds(10)
    ) async throws -> EventStreamConnection {
        var headers: HTTPHeaders = ["Accept": "text/event-stream"]
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in extra { headers.add(name: name, value: value) }
        let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 1))
        let response = try await transport.stream(HTTPRequest(url: "http://127.0.0.1:\(port)\(path)", headers: headers, timeout: Double(deadline.components.seconds)))
        let connection = EventStreamConnection(response: response)
        connection.startReading()
        return connection
    }

    /// The value of header `name` (any case).
    func header(_ name: String) -> String? { response.headers[name] }

    /// The body received so far, as text.
    var bodyText: String { received.state.withLock { String(decoding: $0.body, as: UTF8.self) } }
    /// Every event received so far.
    var events: [Event] { received.state.withLock { $0.events } }
    /// The ids of the events received so far, in order.
    var ids: [Int64] { events.compactMap(\.id) }
    /// Whether the stream is over (the server ended it or the connection broke).
    var ended: Bool { received.state.withLock { $0.ended } }

    /// Reads until the ids include `seq` (or a deadline passes: then throws).
    func read(throughID seq: Int64, deadline: Duration = .seconds(10)) async throws {
        try await read(until: { s in s.events.contains { ($0.id ?? 0) >= seq } }, deadline: deadline)
    }

    /// Reads until the body holds `text` (or a deadline passes: then throws).
    func read(untilBodyContains text: String, deadline: Duration = .seconds(10)) async throws {
        try await read(until: { String(decoding: $0.body, as: UTF8.self).contains(text) }, deadline: deadline)
    }

    /// Reads until the server ends the stream (or a deadline passes: then throws).
    func readToEnd(deadline: Duration = .seconds(10)) async throws {
        try await read(until: { $0.ended }, deadline: deadline)
    }

    func close() {
        response.cancel()
        reader.withLock { $0 }?.cancel()
    }

    deinit {
        close()
    }

    private func startReading() {
        let response = self.response, received = self.received
        let task = Task {
            var parser = SSEParser()
            do {
                for try await chunk in response.body {
                    let new = parser.feed(chunk).map { Event(id: $0.id.flatMap { Int64($0) }, event: $0.type, data: $0.data) }
                    received.state.withLock { s in
                        s.body += chunk
                        s.events += new
                    }
                }
                received.state.withLock { $0.ended = true }
            } catch {
                let reason = "\(error)"
                received.state.withLock { s in
                    s.ended = true
                    s.error = reason
                }
            }
        }
        reader.withLock { $0 = task }
    }

    /// Waits until `count` events named `name` have arrived.
    func read(events count: Int, named name: String, deadline: Duration = .seconds(10)) async throws {
        try await read(until: { $0.events.filter { $0.event == name }.count >= count }, deadline: deadline)
    }

    private func read(until done: @Sendable (State) -> Bool, deadline: Duration) async throws {
        let limit = ContinuousClock.now + deadline
        while true {
            let (met, ended, summary) = received.state.withLock { s in
                (done(s), s.ended, "status \(status), ids \(s.events.compactMap(\.id)), error \(s.error ?? "none"), body: \(String(decoding: s.body, as: UTF8.self).suffix(400))")
            }
            if met { return }
            if ended { throw Failure(description: "stream ended early; \(summary)") }
            guard ContinuousClock.now < limit else { throw Failure(description: "deadline passed; \(summary)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
