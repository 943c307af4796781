import Foundation

/// What one attempt at a claimed (`sending`) message came to, to be written with others in one
/// transaction (`Journal.record(_:claimingUpTo:now:)`): a burst costs one durable write per
/// batch of answers, not one per message.
public struct OutboxRecord: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// The gateway took it; `delivered` when the gateway is the end of the road.
        case accepted(status: Int?, answer: String, gatewayID: String?, delivered: Bool)
        /// The log outbox wrote it down (nobody received it).
        case logged(answer: String)
        /// A transient failure: back to pending, due at `next`.
        case retry(next: Date, status: Int?, answer: String)
        /// Not sent, held back: pending again at `next`, the claim not counted as an attempt.
        case held(next: Date)
        /// No (further) sending: `failed` or `dropped`.
        case final(OutboxState, reason: String, status: Int?, answer: String?)
    }

    public var id: Int64
    public var change: Change
    /// When the attempt ended (the row's `updated_ms`).
    public var at: Date

    public init(id: Int64, _ change: Change, at: Date) {
        self.id = id
        self.change = change
        self.at = at
    }
}
