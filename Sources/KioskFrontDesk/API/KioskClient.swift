import Foundation
import KioskAPI
import KioskCore
import KioskHTTPClient

/// The one client of the daemon's HTTP API, over any `HTTPTransport` (libcurl live): the CLI,
/// the ticket machine and the window terminal all speak through it, with the KioskAPI types.
public struct KioskClient: Sendable {
    public let server: String
    public let transport: any HTTPTransport
    /// Seconds for one exchange: a kiosk must not hang on a dead daemon.
    public var timeout: Double = 8
    /// Seconds to connect.
    public var connectTimeout: Double = 3
    /// Seconds to wait for a ticket issue: longer than the journal's busy wait (10 s), so a
    /// commit that waits for the disk is answered rather than abandoned.
    public var issueTimeout: Double = 15
    /// How many times one citizen's issue is sent when no answer comes back (same key each time).
    public var issueAttempts = 3

    /// The transport a front end (ticket machine, window terminal, rating pad) talks through:
    /// its answers are a few kilobytes, so one over a megabyte is refused
    /// (`responseTooLarge`), never read into memory whole.
    public static let frontEndTransport = CurlHTTPTransport.Configuration(maximumResponseBytes: 1 << 20)

    public init(server: String, transport: any HTTPTransport) {
        var base = server
        while base.hasSuffix("/") { base.removeLast() }
        self.server = base
        self.transport = transport
    }

    /// `GET` `path`, or `POST`/`PUT` it with `body` (an empty object when nil) or `rawBody`
    /// (sent as it is), with `token` as bearer; a 2xx is decoded as `Answer`.
    public func send<Answer: Decodable & Sendable>(
        _ method: HTTPMethod, _ path: String, body: CommandBody? = nil, rawBody: Data? = nil, token: String?,
        headers extra: [(String, String)] = [], timeout: Double? = nil, as answer: Answer.Type = Answer.self
    ) async -> APIAnswer<Answer> {
        switch await exchange(method, path, body: body, rawBody: rawBody, token: token, headers: extra, timeout: timeout) {
        case let .ok(response):
            do {
                return .ok(try APICoding.decode(Answer.self, from: response.body))
            } catch {
                return .refused(code: "bad_answer", message: "应答格式不符 The daemon's answer to \(path) does not match the API: \(error)")
            }
        case let .refused(code, message): return .refused(code: code, message: message)
        case let .unreachable(why): return .unreachable(why)
        }
    }

    /// `GET` `path` for a route that answers with text rather than JSON (`/v1/export`'s trace).
    public func text(_ path: String, token: String?, timeout: Double? = nil) async -> APIAnswer<String> {
        await exchange(.get, path, token: token, timeout: timeout).map(\.text)
    }

    /// One request; a 2xx comes back as it is, anything else as a refusal or unreachable.
    private func exchange(
        _ method: HTTPMethod, _ path: String, body: CommandBody? = nil, rawBody: Data? = nil, token: String?,
        headers extra: [(String, String)] = [], timeout: Double? = nil
    ) async -> APIAnswer<HTTPResponse> {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if let token { headers.set(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in extra { headers.set(name: name, value: value) }
        var data: Data?
        if method == .post || method == .put {
            headers.set(name: "Content-Type", value: "application/json")
            do {
                data = try rawBody ?? APICoding.encode(body ?? CommandBody.none)
            } catch {
                return .refused(code: "bad_request", message: "请求无法编码 The request could not be encoded: \(error)")
            }
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(
                method: method, url: server + path, headers: headers, body: data, connectTimeout: connectTimeout, timeout: timeout ?? self.timeout
            ))
        } catch {
            return .unreachable("\(error)")
        }
        guard response.isSuccess else {
            let refusal = try? APICoding.decode(ErrorAnswer.self, from: response.body)
            return .refused(
                code: refusal?.error.code ?? "http_\(response.status)",
                message: refusal?.error.message ?? "服务器拒绝 The server answered \(response.status): \(response.text.prefix(200))"
            )
        }
        return .ok(response)
    }

    /// `PUT /v1/config` (admin): `text` is a hall config file, sent as it is (so the daemon's
    /// diagnostics name the file's own lines).
    public func applyConfig(_ text: String, token: String?) async -> APIAnswer<ConfigChangeAnswer> {
        await send(.put, "/v1/config", rawBody: Data(text.utf8), token: token)
    }

    /// `GET /v1/services` (no token needed).
    public func services() async -> APIAnswer<ServiceList> {
        await send(.get, "/v1/services", token: nil)
    }

    /// `GET /v1/services/{code}/guide` (no token needed).
    public func guide(_ code: String) async -> APIAnswer<ServiceGuideAnswer> {
        await send(.get, "/v1/services/\(code)/guide", token: nil)
    }

    /// `POST /v1/tickets` for one citizen's action, with an `Idempotency-Key` of its own. When
    /// no answer comes back (a timeout, a dropped connection) or the journal could not commit,
    /// it is sent again with the same key: if the first was committed after all, the daemon
    /// answers with that ticket, never a second one.
    public func issue(
        _ request: IssueTicketRequest, token: String?, idempotencyKey: String = UUID().uuidString
    ) async -> APIAnswer<IssuedTicketAnswer> {
        var answer: APIAnswer<IssuedTicketAnswer> = .unreachable("not sent")
        for attempt in 1...max(1, issueAttempts) {
            answer = await send(
                .post, "/v1/tickets", body: .issue(request), token: token, headers: [("Idempotency-Key", idempotencyKey)], timeout: issueTimeout
            )
            switch answer {
            case .unreachable:
                continue
            case .refused(code: "journal_unavailable", _) where attempt < issueAttempts:
                try? await Task.sleep(for: .seconds(1))
                continue
            default:
                return answer
            }
        }
        return answer
    }

    /// `POST /v1/appointments/{code}/check-in` (the kiosk's token): an appointment's ticket.
    public func checkIn(_ code: String, token: String?) async -> APIAnswer<IssuedTicketAnswer> {
        await send(.post, "/v1/appointments/\(code)/check-in", token: token, timeout: issueTimeout)
    }

    /// `GET /v1/windows/{id}`.
    public func window(_ id: String, token: String?) async -> APIAnswer<WindowStatus> {
        await send(.get, "/v1/windows/\(id)", token: token)
    }

    /// `GET /v1/stats`.
    public func stats(token: String?) async -> APIAnswer<StatsAnswer> {
        await send(.get, "/v1/stats", token: token)
    }
}
