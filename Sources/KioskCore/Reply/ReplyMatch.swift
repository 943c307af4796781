/// Which ticket a reply from a number is about: today's most recent live ticket (waiting,
/// called or set aside) that left this number, as the citizen's own or as the caretaker's.
public struct ReplyMatch: Sendable, Equatable {
    public var ticket: TicketNumber
    /// Whose number it is on that ticket (the help message goes back to the same role).
    public var recipient: SMSRecipient

    public init(ticket: TicketNumber, recipient: SMSRecipient) {
        self.ticket = ticket
        self.recipient = recipient
    }

    /// nil: the number left no live ticket today (nothing is done and nothing is sent back).
    public static func find(_ phone: PhoneNumber, contacts: some Sequence<TicketContact>, in state: HallState) -> ReplyMatch? {
        var best: (sequence: Int, match: ReplyMatch)?
        for contact in contacts {
            let recipient: SMSRecipient
            if contact.phone == phone {
                recipient = .citizen
            } else if contact.caretaker == phone {
                recipient = .caretaker
            } else {
                continue
            }
            guard let ticket = state.tickets[contact.ticket] else { continue }
            switch ticket.state {
            case .waiting, .called, .parked: break
            default: continue
            }
            if best.map({ ticket.sequence > $0.sequence }) ?? true {
                best = (ticket.sequence, ReplyMatch(ticket: ticket.number, recipient: recipient))
            }
        }
        return best?.match
    }
}
