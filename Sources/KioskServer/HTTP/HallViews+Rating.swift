import Foundation
import KioskCore

extension HallViews {
    /// What the window's rating pad may ask the citizen to rate now: its last finished ticket,
    /// unrated and finished less than ten minutes ago; null otherwise.
    func rateable(at id: CounterID, in state: HallState, now: Date) -> JSONValue {
        guard let number = state.counters[id]?.lastFinished, let ticket = state.tickets[number], ticket.rating == nil,
              case let .done(finishedAt) = ticket.state, now.timeIntervalSince(finishedAt) <= QueueEngine.ratingWindow
        else { return .null }
        return [
            "ticket": .string(number), "service": .string(ticket.service),
            "service_name": .string(config.service(ticket.service)?.name ?? ticket.service),
            "until": .string(clock(finishedAt.addingTimeInterval(QueueEngine.ratingWindow))),
        ]
    }
}
