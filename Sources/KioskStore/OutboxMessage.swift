import Foundation
import KioskCore

/// Where a message is in its life.
///
/// pending → sending → accepted → delivered, with failed and dropped as the other ends:
/// `sending` is only ever seen by the worker that claimed it, or after a crash mid-send.
/// `logged` ends a message the log outbox wrote down: nobody received it, and a clerk's screen
/// must not say it was delivered.
public enum OutboxState: String, Sendable, Hashable, CaseIterable {
    case pending, sending, accepted, delivered, logged, failed, dropped

    /// No more work: the message will not be sent (again).
    public var isFinal: Bool {
        switch self {
        case .delivered, .logged, .failed, .dropped: return true
        case .pending, .sending, .accepted: return false
        }
    }
}

/// One outbox row.
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int64
    public var date: BusinessDate
    public var ticket: TicketNumber
    public var trigger: SMSTrigger
    public var recipient: SMSRecipient
    /// The window a your-turn or recall message names; nil for the others.
    public var counter: CounterID?
    /// Nil once purged after the business day.
    public var phone: PhoneNumber?
    public var phoneMasked: String
    public var text: String
    public var state: OutboxState
    /// Why it failed or was dropped (`stale`, `expired`, `permanent`, …).
    public var reason: String?
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
    public var deadline: Date
    public var updatedAt: Date
    /// The gateway's HTTP status and answer (phone numbers masked), and its message id.
    public var gatewayStatus: Int?
    public var gatewayAnswer: String?
    public var gatewayID: String?
    /// The last delivery report's type (Kannel: 1 delivered, 2 failed, 8 SMSC ack, 16 rejected).
    public var dlrType: Int?

    public init(
        id: Int64, date: BusinessDate, ticket: TicketNumber, trigger: SMSTrigger, recipient: SMSRecipient, counter: CounterID? = nil,
        phone: PhoneNumber?, phoneMasked: String, text: String, state: OutboxState, reason: String?, attempts: Int,
        createdAt: Date, nextAttemptAt: Date, deadline: Date, updatedAt: Date,
        gatewayStatus: Int? = nil, gatewayAnswer: String? = nil, gatewayID: String? = nil, dlrType: Int? = nil
    ) {
        self.counter = counter
        self.id = id
        self.date = date
        self.ticket = ticket
        self.trigger = trigger
        self.recipient = recipient
        self.phone = phone
        self.phoneMasked = phoneMasked
        self.text = text
        self.state = state
        self.reason = reason
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.deadline = deadline
        self.updatedAt = updatedAt
        self.gatewayStatus = gatewayStatus
        self.gatewayAnswer = gatewayAnswer
        self.gatewayID = gatewayID
        self.dlrType = dlrType
    }
}

/// What a delivery report did to a message.
public enum DeliveryReportOutcome: Sendable, Equatable {
    /// No message has this id.
    case unknownMessage
    /// Applied; the message is now in `state`.
    case applied(OutboxState)
    /// Already final (a repeated or late report): nothing changed.
    case unchanged(OutboxState)
    /// The gateway has not taken this message (it is `pending`: never sent, or refused): a
    /// report cannot be about it, and nothing changed.
    case notAccepted(OutboxState)
}
