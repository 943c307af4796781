import Foundation

/// A text message to record in the outbox, in the same transaction as the event behind it.
///
/// `(date, ticket, trigger, recipient)` is its identity: recording the same draft twice (after
/// a restart, or from two heads-up passes) keeps the first.
public struct OutboxDraft: Sendable, Equatable {
    public var date: BusinessDate
    public var ticket: TicketNumber
    public var trigger: SMSTrigger
    public var recipient: SMSRecipient
    /// The full number: only the outbox and the notifier ever hold it.
    public var phone: PhoneNumber
    public var text: String
    public var createdAt: Date
    /// After this the message is dropped as expired rather than sent late.
    public var deadline: Date

    public init(
        date: BusinessDate, ticket: TicketNumber, trigger: SMSTrigger, recipient: SMSRecipient,
        phone: PhoneNumber, text: String, createdAt: Date, deadline: Date
    ) {
        self.date = date
        self.ticket = ticket
        self.trigger = trigger
        self.recipient = recipient
        self.phone = phone
        self.text = text
        self.createdAt = createdAt
        self.deadline = deadline
    }
}
