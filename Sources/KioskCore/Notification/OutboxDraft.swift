import Foundation

/// A text message to record in the outbox, in the same transaction as the event behind it.
///
/// `(date, ticket, trigger, recipient, counter)` is its identity: recording the same draft twice
/// (after a restart, or from two heads-up passes) keeps the first; a call at another window
/// (after a transfer) is a new message.
public struct OutboxDraft: Sendable, Equatable {
    public var date: BusinessDate
    public var ticket: TicketNumber
    public var trigger: SMSTrigger
    public var recipient: SMSRecipient
    /// The window a your-turn or recall message sends the citizen to; nil for the others.
    public var counter: CounterID?
    /// The full number: only the outbox and the notifier ever hold it.
    public var phone: PhoneNumber
    public var text: String
    public var createdAt: Date
    /// After this the message is dropped as expired rather than sent late.
    public var deadline: Date

    public init(
        date: BusinessDate, ticket: TicketNumber, trigger: SMSTrigger, recipient: SMSRecipient,
        phone: PhoneNumber, text: String, createdAt: Date, deadline: Date, counter: CounterID? = nil
    ) {
        self.counter = counter
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
