import HTTPTypes
import Hummingbird
import KioskWeb

/// Puts the strict `Content-Security-Policy` and its companions (`nosniff`, `no-referrer`, no
/// framing) on every HTML answer, whichever route made it: a page added later cannot forget them.
/// A page that set its own policy (the console's) keeps it.
struct WebHeadersMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext
    let headers: [(name: HTTPField.Name, value: String)]

    init(policy: KioskWeb.ContentSecurityPolicy = .strict) {
        headers = WebSecurityHeaders.all(policy: policy).compactMap { field in HTTPField.Name(field.name).map { ($0, field.value) } }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        let type = response.headers[.contentType] ?? ""
        if type.hasPrefix("text/html") || response.status == .seeOther {
            for (name, value) in headers where response.headers[name] == nil { response.headers[name] = value }
        }
        return response
    }
}
