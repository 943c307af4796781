import Foundation
import KioskHTTPClient
import Synchronization

/// Follows a daemon's `GET /v1/events` (Server-Sent Events), resuming with `Last-Event-ID`
/// after every drop, until stopped.
///
/// Speaks through the one libcurl transport's streaming mode: the blocking transfer runs on
/// the transport's own stream thread, never on the Swift cooperative pool; updates reach async
/// code through an `AsyncStream`. Stopping (ending the stream's iteration or calling `stop()`)
/// cancels the follower, which ends the transfer.
public final class EventStreamClient: Sendable {
    public struct Configuration: Sendable {
        public var address: ServerAddress
        public var path: String = "/v1/events"
        /// Sent as `Authorization: Bearer …` when set.
        public var token: String?
        /// Resume after this id on the first connection too (nil: see `startsAtNow`).
        public var lastEventID: String?
        /// With no id to resume from, start at the daemon's current commit (`?start=now`)
        /// instead of replaying its whole journal: a hall screen reads the rest from the
        /// snapshot. The daemon names where the stream starts (`id:`), so a drop before the
        /// first event still resumes there, missing nothing.
        public var startsAtNow = false
        /// Delay between attempts when the server named none with `retry:`, in milliseconds.
        public var reconnectMilliseconds: Int = 1000
        /// Longest wait for a TCP connection, in seconds.
        public var connectTimeout: Int = 3
        /// Longest silence (not a byte) before the connection counts as dropped: the daemon
        /// sends a heartbeat comment at least every 15 s (`limits.stream_heartbeat_s`), so 30 s
        /// of nothing means a half-open connection (a pulled cable, a sleeping switch port, a
        /// frozen daemon), and the screen says it is reconnecting instead of freezing. Nil
        /// waits as long as TCP says the connection lives.
        public var readTimeout: Duration? = Self.defaultReadTimeout
        public static let defaultReadTimeout: Duration = .seconds(30)

        public init(address: ServerAddress, token: String?, lastEventID: String? = nil) {
            self.address = address
            self.token = token
            self.lastEventID = lastEventID
        }

        /// A hall screen's stream: from the current commit, not the day's whole journal (the
        /// snapshot it reads on connecting has everything before).
        public static func hallScreen(address: ServerAddress, token: String?) -> Configuration {
            var configuration = Configuration(address: address, token: token)
            configuration.startsAtNow = true
            return configuration
        }
    }

    private struct State {
        var started = false
        var stopped = false
        var follower: Task<Void, Never>?
    }

    /// Updates the reader may fall behind by: far more than a day's backlog comes in at once.
    public static let updatesKept = 4096

    public let configuration: Configuration
    private let transport: CurlHTTPTransport
    private let state = Mutex(State())

    /// - Parameter transport: the one the stream goes through; by default one of its own
    ///   (a stream never takes one of a transport's request workers, so sharing is optional).
    public init(_ configuration: Configuration, transport: CurlHTTPTransport? = nil) {
        self.configuration = configuration
        self.transport = transport ?? CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 1))
    }

    /// Starts following (once) and returns the updates. Ending the iteration stops it.
    public func updates() -> AsyncStream<EventStreamUpdate> {
        // Bounded: a reader that falls this far behind has its connection ended and resumed
        // after the last event it got (see `stream(into:_:)`), never an ever-growing backlog.
        let (stream, continuation) = AsyncStream.makeStream(of: EventStreamUpdate.self, bufferingPolicy: .bufferingOldest(Self.updatesKept))
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started && !state.stopped
        }
        guard first else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [self] _ in stop() }
        // Owned here and cancelled by `stop()`: the follower is the stream's producer.
        let follower = Task { [self] in
            await follow(continuation)
            continuation.finish()
        }
        let stoppedMeanwhile = state.withLock { state in
            state.follower = follower
            return state.stopped
        }
        if stoppedMeanwhile { follower.cancel() }
        return stream
    }

    /// Stops following: the current connection is ended and no new one is made.
    public func stop() {
        let follower = state.withLock { state in
            state.stopped = true
            return state.follower
        }
        follower?.cancel()
    }

    /// Connect, stream, report the drop, wait, again.
    private func follow(_ continuation: AsyncStream<EventStreamUpdate>.Continuation) async {
        var lastEventID = configuration.lastEventID
        var retry = configuration.reconnectMilliseconds
        while !Task.isCancelled {
            var parser = SSEParser(lastEventID: lastEventID)
            let reason: String
            var refusedResumePoint = false
            var received = parser.lastEventID
            do {
                try await stream(into: &parser, continuation)
                reason = "the daemon closed the stream"
                received = parser.lastEventID
            } catch let error as ReaderFellBehind {
                reason = error.description
                received = error.resumeFrom
            } catch let error as StreamError {
                reason = error.description
                received = parser.lastEventID
                // A 400 names the request itself: the resume point (which a server gone wrong
                // may have set) is dropped, and the next attempt asks from the start.
                refusedResumePoint = error.status == 400
            } catch {
                reason = "\(error)"
                received = parser.lastEventID
            }
            lastEventID = Self.resumePoint(received, otherwise: lastEventID)
            if refusedResumePoint { lastEventID = nil }
            if let asked = parser.retryMilliseconds { retry = max(100, min(asked, 60_000)) }
            if Task.isCancelled { break }
            continuation.yield(.disconnected(reason: reason))
            try? await Task.sleep(for: .milliseconds(retry))
        }
    }

    /// One connection: request, status, body until it ends. Throws why it ended early.
    private func stream(into parser: inout SSEParser, _ continuation: AsyncStream<EventStreamUpdate>.Continuation) async throws {
        let response = try await transport.stream(request(lastEventID: parser.lastEventID), readTimeout: configuration.readTimeout)
        defer { response.cancel() }
        guard response.status == 200 else {
            throw StreamError("HTTP \(response.status)\(Self.statusHint(response.status))", status: response.status)
        }
        continuation.yield(.connected)
        var lastQueued = parser.lastEventID
        for try await chunk in response.body {
            for event in parser.feed(chunk) {
                guard case .enqueued = continuation.yield(.event(event)) else { throw ReaderFellBehind(resumeFrom: lastQueued) }
                lastQueued = event.id
            }
            if let failure = parser.failure { throw failure }
            // Every event of the chunk is queued: resume from the last id it named, which may
            // come without an event (where a `start=now` stream starts).
            lastQueued = parser.lastEventID
        }
    }

    /// The id to resume from: `received` when it is one the daemon could have sent (its
    /// journal's sequence number, a non-negative integer), else `previous`. Anything else would
    /// go back as `Last-Event-ID`, which the daemon refuses with a 400 on every attempt.
    static func resumePoint(_ received: String?, otherwise previous: String?) -> String? {
        guard let received, !received.isEmpty, received.utf8.count <= 18, received.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return previous
        }
        return received
    }

    private static func statusHint(_ status: Int) -> String {
        switch status {
        case 401: return " (the display token was refused)"
        case 403: return " (this token may not read the hall)"
        case 503: return " (the daemon is shutting down)"
        default: return ""
        }
    }

    private func request(lastEventID: String?) -> HTTPRequest {
        var headers: HTTPHeaders = ["Accept": "text/event-stream", "Cache-Control": "no-cache", "User-Agent": "kiosk-display"]
        if let token = configuration.token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        var path = configuration.path
        if let lastEventID, !lastEventID.isEmpty {
            headers.add(name: "Last-Event-ID", value: lastEventID)
        } else if configuration.startsAtNow {
            path += (path.contains("?") ? "&" : "?") + "start=now"
        }
        return HTTPRequest(
            url: configuration.address.description + path, headers: headers,
            connectTimeout: Double(configuration.connectTimeout)
        )
    }
}

/// Why one connection of the event stream ended.
struct StreamError: Error, CustomStringConvertible {
    var description: String
    /// The HTTP status the daemon answered, when it answered.
    var status: Int?
    init(_ description: String, status: Int? = nil) {
        self.description = description
        self.status = status
    }
}

/// The reader of the updates fell `EventStreamClient.updatesKept` behind: the connection ends
/// and the next one resumes after the last event queued for it.
struct ReaderFellBehind: Error, CustomStringConvertible {
    var resumeFrom: String?
    var description: String { "the screen fell behind the event stream" }
}
