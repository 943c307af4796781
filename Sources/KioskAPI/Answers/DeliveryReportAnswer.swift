/// The answer to the SMS gateway's delivery report (`GET /v1/sms/dlr`): the message's state after it.
public struct DeliveryReportAnswer: Codable, Sendable, Equatable {
    /// The outbox message id.
    public var id: Int64
    /// `pending`, `sending`, `accepted`, `delivered`, `logged` (the log outbox), `failed` or `dropped`.
    public var state: String

    public init(id: Int64, state: String) {
        self.id = id
        self.state = state
    }
}
