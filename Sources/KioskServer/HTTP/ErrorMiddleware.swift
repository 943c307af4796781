import Hummingbird
import Logging

/// Turns anything a handler throws into the stable JSON error body, so no client input can
/// produce a bare 500; and times every request for `/metrics`.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext
    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        defer { metrics.recordRequest(duration: ContinuousClock.now - started) }
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not_found" : error.status == .methodNotAllowed ? "method_not_allowed" : "http_\(error.status.code)"
            return try APIError(error.status, code, error.body ?? error.status.reasonPhrase).response(from: request, context: context)
        } catch {
            logger.error("unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return try APIError(.internalServerError, "internal", "内部错误 Internal error").response(from: request, context: context)
        }
    }
}
