import KioskStore

/// Sends one text message. One live adapter per gateway kind (Kannel, JSON webhook, log).
public protocol SMSGateway: Sendable {
    /// Sends `message` (its `phone` is set) and says what became of it; never throws: every
    /// failure is classified.
    func send(_ message: OutboxMessage) async -> SMSSendOutcome
}

/// A gateway's answer to one send, classified.
public enum SMSSendOutcome: Sendable, Equatable {
    /// The gateway took it (Kannel `0: Accepted`, `3: Queued`); `delivered` when the gateway is
    /// the end of the road (the log outbox).
    case accepted(status: Int?, answer: String, gatewayID: String?, delivered: Bool)
    /// Written to the log outbox: the end of the road, but nobody received it.
    case logged(answer: String)
    /// Try again later: connection refused, timeout, 429/500/502/503/504. `retryAfter` in
    /// seconds when the gateway said so.
    case transient(status: Int?, answer: String, retryAfter: Double?)
    /// It will never work: 400/403 (bad request, auth, not routable).
    case permanent(status: Int?, answer: String)

    public var kind: String {
        switch self {
        case .accepted: return "accepted"
        case .logged: return "logged"
        case .transient: return "transient"
        case .permanent: return "permanent"
        }
    }
}
