import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer
import Testing

/// A daemon's answer, with its body parsed as JSON when it is JSON.
struct APIResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var text: String

    /// The body as JSON, or nil when it is not JSON (metrics, export lines, an empty body).
    var json: JSONValue? { try? JSONParser.parse(text).value }

    /// `error.code` of the stable error body.
    var errorCode: String? { json?["error"]?["code"]?.stringValue }

    var contentType: String { headers["Content-Type"] ?? "" }
}

/// Our libcurl transport pointed at one daemon: JSON in with a bearer token, JSON out.
///
/// Every answer's body is kept in `transcript`, so a test can say "the full phone number
/// appears in no answer" about everything it received.
struct APIClient: Sendable {
    let baseURL: String
    let tokens: AccessTokens
    let transport: CurlHTTPTransport
    let transcript = Collected<String>()

    init(port: Int, tokens: AccessTokens, concurrency: Int = 8) {
        baseURL = "http://127.0.0.1:\(port)"
        self.tokens = tokens
        transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: concurrency))
    }

    /// Sends `body` (raw bytes) with `contentType`; `headers` are added as given.
    func send(
        _ method: HTTPMethod, _ path: String, as caller: Caller = .anonymous, body: Data? = nil,
        contentType: String? = "application/json", headers extra: [(String, String)] = [], timeout: Double = 20
    ) async throws -> APIResponse {
        var headers = HTTPHeaders()
        if let token = caller.token(in: tokens) { headers.add(name: "Authorization", value: "Bearer \(token)") }
        if body != nil, let contentType { headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        let request = HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body, timeout: timeout)
        let response = try await transport.send(request)
        let answer = APIResponse(status: response.status, headers: response.headers, text: response.text)
        transcript.append(answer.text)
        return answer
    }

    /// A JSON request: `body` serialised with `Content-Type: application/json`.
    func send(_ method: HTTPMethod, _ path: String, as caller: Caller = .anonymous, json: JSONValue) async throws -> APIResponse {
        try await send(method, path, as: caller, body: Data(json.serialized().utf8))
    }

    func get(_ path: String, as caller: Caller = .anonymous, headers: [(String, String)] = []) async throws -> APIResponse {
        try await send(.get, path, as: caller, headers: headers)
    }

    /// A POST; `json` nil sends no body (commands without fields).
    func post(_ path: String, as caller: Caller, _ json: JSONValue? = nil) async throws -> APIResponse {
        if let json { return try await send(.post, path, as: caller, json: json) }
        return try await send(.post, path, as: caller)
    }

    /// Takes a ticket at the kiosk.
    func take(_ service: String, as caller: Caller = .kiosk, priority: Bool = false, phone: String? = nil, override: Bool = false, timeout: Double = 20) async throws -> APIResponse {
        var body: [(key: String, value: JSONValue)] = [("service", .string(service))]
        if priority { body.append(("priority", true)) }
        if override { body.append(("override", true)) }
        if let phone { body.append(("phone", .string(phone))) }
        return try await send(.post, "/v1/tickets", as: caller, body: Data(JSONValue.object(body).serialized().utf8), timeout: timeout)
    }

    /// `POST /v1/windows/{id}/{action}` with the window's own token.
    func window(_ id: CounterID, _ action: String, _ json: JSONValue? = nil, as caller: Caller? = nil) async throws -> APIResponse {
        try await post("/v1/windows/\(id)/\(action)", as: caller ?? .window(id), json)
    }
}

extension APIResponse {
    /// The `ev` names of the events a command answered with, in order.
    var eventNames: [String] {
        json?["events"]?.arrayValue?.compactMap { $0["ev"]?.stringValue } ?? []
    }

    /// The answer's events whose `ev` is `name`.
    func events(_ name: String) -> [JSONValue] {
        json?["events"]?.arrayValue?.filter { $0["ev"]?.stringValue == name } ?? []
    }
}

/// Checks the stable error body `{"error":{"code":"…","message":"…"}}`, exactly those keys.
func expectError(
    _ response: APIResponse, _ status: Int, _ code: String, _ comment: Comment? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(response.status == status, "\(comment?.rawValue ?? "") body: \(response.text)", sourceLocation: sourceLocation)
    expectErrorShape(response, sourceLocation: sourceLocation)
    #expect(response.errorCode == code, "\(comment?.rawValue ?? "") body: \(response.text)", sourceLocation: sourceLocation)
}

/// The error body has exactly `error.code` and `error.message`, both non-empty strings, as JSON.
func expectErrorShape(_ response: APIResponse, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(response.contentType.hasPrefix("application/json"), "content type \(response.contentType)", sourceLocation: sourceLocation)
    guard case let .object(top)? = response.json, top.map(\.key) == ["error"],
          case let .object(error)? = response.json?["error"], error.map(\.key) == ["code", "message"],
          let code = error[0].value.stringValue, !code.isEmpty,
          let message = error[1].value.stringValue, !message.isEmpty
    else {
        Issue.record("not the stable error body: \(response.status) \(response.text)", sourceLocation: sourceLocation)
        return
    }
}
