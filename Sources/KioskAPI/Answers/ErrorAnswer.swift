/// Every refusal's body (schema `Error`): `{"error":{"code":"…","message":"…"}}`. Clients
/// switch on `code`; people read `message`.
public struct ErrorAnswer: Codable, Sendable, Equatable {
    public var error: Detail

    public init(code: String, message: String, diagnostics: [String]? = nil) {
        error = Detail(code: code, message: message, diagnostics: diagnostics)
    }

    public struct Detail: Codable, Sendable, Equatable {
        /// Stable and machine-readable: `unknown_field`, `counter_busy`, `quota_reached`, …
        public var code: String
        /// Chinese first, then English.
        public var message: String
        /// Every problem found, `config:LINE: message` (a refused hall config only).
        public var diagnostics: [String]?

        public init(code: String, message: String, diagnostics: [String]? = nil) {
            self.code = code
            self.message = message
            self.diagnostics = diagnostics
        }
    }
}
