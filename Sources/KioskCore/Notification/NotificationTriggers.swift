import Foundation

/// Which messages events call for: a pure fold step the hall runs on each command's events,
/// so the messages commit with them.
public struct NotificationTriggers: Sendable {
    public let config: HallConfig
    public var settings: SMSSettings { config.sms }

    public init(config: HallConfig) {
        self.config = config
    }

    /// The messages `events` trigger, given the hall `state` after them, the contacts of the
    /// tickets involved, and each issued ticket's printed wait (seconds).
    public func drafts(
        for events: [HallEvent], in state: HallState, contacts: (TicketNumber) -> TicketContact?,
        printedWait: (TicketNumber) -> Double? = { _ in nil }
    ) -> [OutboxDraft] {
        var out: [OutboxDraft] = []
        for event in events {
            let trigger: SMSTrigger
            var values: [SMSTemplate.Field: String] = [:]
            var window: CounterID?
            switch event.kind {
            case let .issued(ticket, _, _, true, _):
                trigger = .issued
                values[.ahead] = state.peopleAhead(of: ticket).map(String.init) ?? "0"
                values[.waitMinutes] = SMSTemplate.waitMinutesText(printedWait(ticket))
            case let .called(_, counter, _):
                trigger = .yourTurn
                window = counter
                values[.window] = config.counter(counter)?.name ?? counter
            case let .recalled(_, counter, 1):
                trigger = .recalled
                window = counter
                values[.window] = config.counter(counter)?.name ?? counter
            case .noShow:
                trigger = .noShow
            case .cancelled:
                trigger = .cancelled
            case let .escalated(_, counter):
                trigger = .escalated
                window = counter
                values[.window] = config.counter(counter)?.name ?? counter
            case let .calledBack(ticket, counter):
                let reason = state.tickets[ticket]?.review?.decision?.reason
                trigger = reason == nil ? .reviewApproved : .reviewReturned
                window = counter
                values[.window] = config.counter(counter)?.name ?? counter
                values[.reason] = reason
            default:
                continue
            }
            guard let number = event.ticket, let contact = contacts(number) else { continue }
            out += drafts(trigger, ticket: number, contact: contact, values: values, in: state, at: event.at, window: window)
        }
        return out
    }

    /// "Near turn" messages due at `now` for waiting tickets with a contact (see
    /// `isHeadsUpDue`). `skip` lists tickets already handled.
    public func headsUps(
        in state: HallState, at now: Date, contacts: (TicketNumber) -> TicketContact?,
        headsUpAt: (TicketNumber) -> Date?, skip: (TicketNumber) -> Bool = { _ in false }
    ) -> [OutboxDraft] {
        guard settings.templates[.nearTurn] != nil else { return [] }
        var out: [OutboxDraft] = []
        for ticket in state.waitingTickets where ticket.hasContact && !skip(ticket.number) {
            guard let ahead = state.peopleAhead(of: ticket.number),
                  isHeadsUpDue(issuedAt: ticket.issuedAt, ahead: ahead, headsUpAt: headsUpAt(ticket.number), at: now),
                  let contact = contacts(ticket.number) else { continue }
            out += drafts(.nearTurn, ticket: ticket.number, contact: contact, values: [.ahead: String(ahead)], in: state, at: now)
        }
        return out
    }

    /// Whether a waiting ticket's "near turn" moment has come: the estimator's heads-up time
    /// has passed or nobody is ahead, or (no heads-up time yet) at most
    /// `settings.headsUpAhead` people are ahead; never within `settings.headsUpHoldSeconds`
    /// of the ticket being printed. The daemon's accuracy ledger judges the same moment.
    public func isHeadsUpDue(issuedAt: Date, ahead: Int, headsUpAt: Date?, at now: Date) -> Bool {
        guard let due = settings.headsUpDue(issuedAt: issuedAt, ahead: ahead, headsUpAt: headsUpAt) else { return false }
        return due <= now
    }

    func drafts(
        _ trigger: SMSTrigger, ticket number: TicketNumber, contact: TicketContact,
        values: [SMSTemplate.Field: String], in state: HallState, at now: Date, window: CounterID? = nil
    ) -> [OutboxDraft] {
        var values = values
        values[.ticket] = number
        if let service = state.tickets[number]?.service {
            values[.service] = config.service(service)?.name ?? service
        }
        guard let text = settings.text(trigger, values).map({ $0 + invitation(trigger) }), let date = state.date else { return [] }
        var recipients: [(SMSRecipient, PhoneNumber)] = []
        if trigger.includesCitizen, let phone = contact.phone { recipients.append((.citizen, phone)) }
        if trigger.includesCaretaker, let caretaker = contact.caretaker, caretaker != contact.phone || !trigger.includesCitizen {
            recipients.append((.caretaker, caretaker))
        }
        let deadline = now.addingTimeInterval(trigger.lifetime(in: config))
        return recipients.map { role, phone in
            OutboxDraft(date: date, ticket: number, trigger: trigger, recipient: role, phone: phone, text: text, createdAt: now, deadline: deadline, counter: window)
        }
    }

    /// The reply invitation `trigger`'s messages end with ("" when replies are off).
    func invitation(_ trigger: SMSTrigger) -> String {
        config.reply.invitationLength(trigger) > 0 ? config.reply.invitation : ""
    }

    /// The one help message for a reply that was neither "1" nor "2", to the number that sent
    /// it (`recipient` says whose it is); nil when the hall has no `reply_help` template.
    public func replyHelp(
        ticket number: TicketNumber, to phone: PhoneNumber, recipient: SMSRecipient, in state: HallState, at now: Date
    ) -> OutboxDraft? {
        guard let date = state.date, let text = settings.text(.replyHelp, [.ticket: number]) else { return nil }
        return OutboxDraft(
            date: date, ticket: number, trigger: .replyHelp, recipient: recipient, phone: phone, text: text,
            createdAt: now, deadline: now.addingTimeInterval(SMSTrigger.replyHelp.lifetime(in: config))
        )
    }
}
