/// Who to text about a ticket: the citizen's mobile and, for an elderly citizen, a caretaker's.
/// Kept beside the journal (never in an event) and purged after the business day.
public struct TicketContact: Sendable, Equatable {
    public var ticket: TicketNumber
    public var phone: PhoneNumber?
    public var caretaker: PhoneNumber?

    public init(ticket: TicketNumber, phone: PhoneNumber?, caretaker: PhoneNumber?) {
        self.ticket = ticket
        self.phone = phone
        self.caretaker = caretaker
    }
}
