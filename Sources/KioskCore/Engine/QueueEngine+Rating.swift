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
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return .rated(ticket: number, counter: counter, service: ticket.service, score: score, reason: trimmed?.isEmpty == false ? trimmed : nil)
    }
}
