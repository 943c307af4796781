/// Every refusal's body (schema `Error`): `{"error":{"code":"…","message":"…"}}`. Clients
/// switch on `code`; people read `message`.
public struct ErrorAnswer: Codable, Sendable, Equatable {
    public var error: Detail

    public init(code: String, message: String) {
        error = Detail(code: code, message: message)
    }

    public struct Detail: Codable, Sendable, Equatable {
        /// Stable and machine-readable: `unknown_field`, `counter_busy`, `quota_reached`, …
        public var code: String
        /// Chinese first, then English.
        public var message: String

        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
    }
}
