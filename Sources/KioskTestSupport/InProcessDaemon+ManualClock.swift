import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer

extension InProcessDaemon {
    /// Runs a daemon for one test on a manual hall clock, Monday 2 March 2026 at `time`, in a
    /// temporary data directory removed afterwards, with the test tokens
    /// (`AccessTokens.forTests(config)`); `adjust` changes the test options first. Timed rules
    /// run only when the test ticks the hall.
    public static func onManualClock<T: Sendable>(
        config: HallConfig, at time: String = "09:00", adjust: (inout KioskDaemon.Options) -> Void = { _ in },
        _ body: (InProcessDaemon, ManualClock) async throws -> T
    ) async throws -> T {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-test-daemon-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let clock = ManualClock(hallTime: time, config: config)
        var options = KioskDaemon.Options.forTests(config: config, dataDirectory: dataDirectory, clock: { clock.now })
        adjust(&options)
        return try await with(options) { daemon in try await body(daemon, clock) }
    }

    /// `onManualClock` with no projector running and no heads-up pass due within the test, the
    /// hall ticked once: the test refreshes the shared projection itself, so nothing races it.
    public static func withoutProjector<T: Sendable>(
        config: HallConfig, at time: String = "09:00", _ body: (Hall, ManualClock) async throws -> T
    ) async throws -> T {
        try await onManualClock(config: config, at: time, adjust: { options in
            options.projectorSpacing = nil
            options.headsUpInterval = .seconds(3600)
        }) { daemon, clock in
            _ = try await daemon.hall.execute(.tick)
            return try await body(daemon.hall, clock)
        }
    }

    /// One transport for every test request of the process (libcurl's advice: share one).
    static let http = CurlHTTPTransport()

    /// A request as a client sends it: the bearer `token`, a JSON `body`.
    public func send(_ method: HTTPMethod, _ path: String, token: String?, _ body: String? = nil) async throws -> HTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        return try await Self.http.send(HTTPRequest(method: method, url: base + path, headers: headers, body: body.map { Data($0.utf8) }))
    }

    /// `POST /v1/tickets` with `body` (JSON): the issued ticket's number.
    public func take(_ body: String, token: String?) async throws -> String {
        let answer = try await send(.post, "/v1/tickets", token: token, body)
        guard let number = try? answer.json()["ticket"]?.stringValue else { throw NoTicket(answer: answer.text) }
        return number
    }

    /// A ticket was asked for and none was issued.
    public struct NoTicket: Error, CustomStringConvertible {
        public var answer: String
        public var description: String { "no ticket issued: \(answer)" }
    }

    /// `send`, the answer read as JSON.
    public func json(_ method: HTTPMethod, _ path: String, token: String?, _ body: String? = nil) async throws -> JSONValue {
        try JSONParser.parse(try await send(method, path, token: token, body).text).value
    }
}

extension HTTPResponse {
    /// The body read as JSON.
    public func json() throws -> JSONValue { try JSONParser.parse(text).value }
}
