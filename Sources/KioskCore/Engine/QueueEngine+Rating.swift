import Foundation

extension QueueEngine {
    /// How long after a finish its citizen may still rate it at the window, seconds.
    public static let ratingWindow: TimeInterval = 600

    /// 好差评 at the window: the window's last finished ticket, within ten minutes of its
    /// finish, once per ticket.
    func rate(counter: CounterID, score: Int, reason: String?, in state: HallState, at now: Date) throws(QueueError) -> HallEvent.Kind {
        guard RatingScale.scores.contains(score) else { throw .invalidScore(score) }
        guard config.counter(counter) != nil || state.counters[counter] != nil else { throw .unknownCounter(counter) }
        guard let number = state.counters[counter]?.lastFinished, let ticket = state.tickets[number],
              case let .done(finishedAt) = ticket.state, now.timeIntervalSince(finishedAt) <= Self.ratingWindow
        else { throw .nothingToRate(counter) }
        guard ticket.rating == nil else { throw .alreadyRated(number) }
        return .rated(ticket: number, counter: counter, service: ticket.service, score: score, reason: Self.trimmed(reason))
    }

    /// 好差评 from the ticket's own page: a finished ticket of today, once, until the day ends
    /// (today's state holds only today's tickets). The rating is the window's that finished it.
    func rate(ticket number: TicketNumber, score: Int, reason: String?, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        guard RatingScale.scores.contains(score) else { throw .invalidScore(score) }
        guard let ticket = state.tickets[number] else { throw .unknownTicket(number) }
        guard case .done = ticket.state, let counter = ticket.finishedBy else { throw .notFinished(number) }
        guard ticket.rating == nil else { throw .alreadyRated(number) }
        return .rated(ticket: number, counter: counter, service: ticket.service, score: score, reason: Self.trimmed(reason))
    }

    private static func trimmed(_ reason: String?) -> String? {
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed?.isEmpty == false ? trimmed : nil
    }
}
