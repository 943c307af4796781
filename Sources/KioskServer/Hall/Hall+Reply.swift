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
        let answer = CitizenReply(text)
        let events: [HallEvent]
        do {
            events = try await execute(.reply(ticket: number, answer: answer)).events
        } catch let refusal as QueueError {
            return .tooLate(number, refusal)
        }
        switch answer {
        case .acknowledge:
            return events.contains { $0.kind == .acknowledged(ticket: number) } ? .acknowledged(number) : .alreadyAcknowledged(number)
        case .cancel:
            return .cancelled(number)
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
}
