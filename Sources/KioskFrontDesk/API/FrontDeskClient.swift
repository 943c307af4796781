import Foundation
import KioskCore
import KioskHTTPClient

/// The front ends' side of the daemon's HTTP API, over any `HTTPTransport` (libcurl live).
public struct FrontDeskClient: Sendable {
    public let server: String
    public let transport: any HTTPTransport
    /// Seconds for one exchange: a kiosk must not hang on a dead daemon.
    public var timeout: Double = 8

    public init(server: String, transport: any HTTPTransport) {
        var base = server
        while base.hasSuffix("/") { base.removeLast() }
        self.server = base
        self.transport = transport
    }

    /// `GET` or `POST` `path`, with `token` as bearer and `body` as JSON.
    public func send(_ method: HTTPMethod, _ path: String, body: JSONValue? = nil, token: String?) async -> APIAnswer {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if let token { headers.set(name: "Authorization", value: "Bearer \(token)") }
        var data: Data?
        if method == .post {
            headers.set(name: "Content-Type", value: "application/json")
            data = Data((body ?? .object([])).serialized().utf8)
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: method, url: server + path, headers: headers, body: data, connectTimeout: 3, timeout: timeout))
        } catch {
            return .unreachable("\(error)")
        }
        let json = (try? JSONParser.parse(response.text).value) ?? .null
        guard response.isSuccess else {
            return .refused(
                code: json["error"]?["code"]?.stringValue ?? "http_\(response.status)",
                message: json["error"]?["message"]?.stringValue ?? "服务器拒绝 The server answered \(response.status)"
            )
        }
        return .ok(json)
    }

    public func services() async -> APIAnswer {
        await send(.get, "/v1/services", token: nil)
    }

    /// `POST /v1/tickets`.
    public func issue(_ request: TicketRequest, token: String?) async -> APIAnswer {
        await send(.post, "/v1/tickets", body: request.json, token: token)
    }
}

/// What the ticket machine asks the daemon for.
public struct TicketRequest: Sendable, Equatable {
    public var service: String
    public var priority: Bool
    public var phone: PhoneNumber?
    public var caretaker: PhoneNumber?

    public init(service: String, priority: Bool = false, phone: PhoneNumber? = nil, caretaker: PhoneNumber? = nil) {
        self.service = service
        self.priority = priority
        self.phone = phone
        self.caretaker = caretaker
    }

    var json: JSONValue {
        var m: [(key: String, value: JSONValue)] = [("service", .string(service))]
        if priority { m.append(("priority", true)) }
        if let phone { m.append(("phone", .string(phone.digits))) }
        if let caretaker { m.append(("caretaker_phone", .string(caretaker.digits))) }
        return .object(m)
    }
}
