import Hummingbird
import KioskAPI
import KioskCore

/// Every refusal the API gives: an HTTP status and the stable body
/// `{"error":{"code":"…","message":"…"}}`. Clients switch on `code`, people read `message`.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Seconds the client should wait before trying again (sent as `Retry-After`, rounded up).
    public var retryAfter: Double?
    /// Every problem of a refused hall config (`invalid_config`), one line each.
    public var diagnostics: [String]?

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, retryAfter: Double? = nil, diagnostics: [String]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
        self.diagnostics = diagnostics
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(ErrorAnswer(code: code, message: message, diagnostics: diagnostics), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(max(1, Int(retryAfter.rounded(.up)))) }
        return response
    }

    static let unauthorized = APIError(.unauthorized, "unauthorized", "缺少或无效的令牌 Missing or invalid bearer token")
    static func forbidden(_ why: String) -> APIError { APIError(.forbidden, "forbidden", why) }
    static func badRequest(_ code: String, _ message: String) -> APIError { APIError(.badRequest, code, message) }
}

extension QueueError {
    /// Unknown things are 404; everything else is a conflict with the hall's current state.
    var apiError: APIError {
        switch self {
        case .unknownService, .unknownCounter, .unknownTicket, .unknownAppointment:
            return APIError(.notFound, code, message)
        case .invalidScore:
            return APIError(.badRequest, code, message)
        default:
            return APIError(.conflict, code, message)
        }
    }
}
