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

extension TicketContact {
    /// The rows a command's events store for `contact`: one under the ticket they issue, else
    /// under the appointment code they book (its reminders, kept until its day ends), else none.
    /// The daemon and a journal worked on directly (`LocalHall`) keep the same rows.
    public static func rows(_ contact: TicketContact?, for events: [HallEvent]) -> [TicketContact] {
        guard var contact else { return [] }
        if let number = events.lazy.compactMap(\.issuedTicket).last {
            contact.ticket = number
        } else if let code = events.lazy.compactMap(\.bookedAppointment).last {
            contact.ticket = code
        } else {
            return []
        }
        return [contact]
    }
}
