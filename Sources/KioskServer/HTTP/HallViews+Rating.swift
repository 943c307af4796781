import Foundation
import KioskAPI
import KioskCore

extension HallViews {
    /// What the window's rating pad may ask the citizen to rate now: its last finished ticket,
    /// unrated and finished less than ten minutes ago; nil otherwise.
    func rateable(at id: CounterID, in state: HallState, now: Date) -> RateableTicket? {
        guard let number = state.counters[id]?.lastFinished, let ticket = state.tickets[number], ticket.rating == nil,
              case let .done(finishedAt) = ticket.state, now.timeIntervalSince(finishedAt) <= QueueEngine.ratingWindow
        else { return nil }
        return RateableTicket(
            ticket: number, service: ticket.service, serviceName: config.service(ticket.service)?.name ?? ticket.service,
            until: clock(finishedAt.addingTimeInterval(QueueEngine.ratingWindow))
        )
    }

    /// A follow-up as the API shows it; `today` sets `overdue` (listings), nil leaves it out.
    static func followUp(_ item: FollowUp, today: BusinessDate? = nil) -> FollowUpStatus {
        FollowUpStatus(
            id: item.id, date: item.rating.date.description, ticket: item.rating.ticket, service: item.rating.service,
            window: item.rating.counter, score: item.rating.score, label: RatingScale.label(item.rating.score),
            reason: item.rating.reason, due: item.due.description, closed: item.isClosed, note: item.note, closedBy: item.closedBy,
            overdue: today.map { item.isOverdue(on: $0) }
        )
    }
}
