import Foundation
import KioskCore
import KioskStore

extension Hall {
    /// Acts on a citizen's SMS reply: "1" acknowledges the ticket, "2" gives it up (and its
    /// confirmation goes out once), anything else gets one help message per ticket. The ticket
    /// is today's most recent live one that left `phone` (the citizen's or the caretaker's).
    /// Throws `JournalUnavailable` when nothing could be kept.
    public func reply(from phone: PhoneNumber, text: String) async throws -> ReplyOutcome {
        let now = self.now()
        guard replyLimit.admit(phone, at: now) else { return .rateLimited }
        // A reply before today's first event must not act on yesterday's line.
        guard state.date == engine.calendar.businessDate(of: now),
              let match = ReplyMatch.find(phone, contacts: contacts.values, in: state)
        else { return .unknownNumber }
        let number = match.ticket
        switch CitizenReply(text) {
        case .acknowledge:
            if state.tickets[number]?.acknowledged == true { return .alreadyAcknowledged(number) }
            return try await act(.acknowledge(ticket: number), number, done: .acknowledged(number))
        case .cancel:
            return try await act(.withdraw(ticket: number), number, done: .cancelled(number))
        case .other:
            guard !helpSent.contains(number) else { return .helpAlreadySent(number) }
            guard let draft = triggers.replyHelp(ticket: number, to: phone, recipient: match.recipient, in: state, at: now) else {
                return .helpAlreadySent(number)
            }
            helpSent.insert(number)
            do {
                _ = try await journal.enqueue([draft])
            } catch {
                helpSent.remove(number)
                throw JournalUnavailable()
            }
            return .helpSent(number)
        }
    }

    private func act(_ command: Command, _ number: TicketNumber, done: ReplyOutcome) async throws -> ReplyOutcome {
        do {
            try await execute(command)
            return done
        } catch let refusal as QueueError {
            return .tooLate(number, refusal)
        }
    }
}
