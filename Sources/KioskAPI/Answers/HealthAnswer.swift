/// The answer to `GET /healthz`.
public struct HealthAnswer: Codable, Sendable, Equatable {
    /// Always `ok` while the daemon answers.
    public var status: String

    public init(status: String = "ok") {
        self.status = status
    }
}
