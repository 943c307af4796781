import Hummingbird

extension Request {
    /// The whole body as text, read no further than `maxBytes`: a larger body is a 413
    /// `body_too_large` (every route and form that reads a body has its own bound).
    mutating func bodyText(upTo maxBytes: Int, tooLarge: String? = nil) async throws -> String {
        do {
            return String(buffer: try await collectBody(upTo: maxBytes))
        } catch {
            throw APIError(.contentTooLarge, "body_too_large", tooLarge ?? "请求体超过 \(maxBytes) 字节 Body larger than \(maxBytes) bytes")
        }
    }
}
