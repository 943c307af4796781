import Foundation

/// One citizen's rating of one ticket, as a report and the provincial export list it.
public struct Rating: Sendable, Equatable {
    public var date: BusinessDate
    public var ticket: TicketNumber
    public var service: ServiceCode
    public var counter: CounterID
    /// 1 非常不满意 … 5 非常满意.
    public var score: Int
    public var reason: String?
    public var at: Date

    public init(date: BusinessDate, ticket: TicketNumber, service: ServiceCode, counter: CounterID, score: Int, reason: String?, at: Date) {
        self.date = date
        self.ticket = ticket
        self.service = service
        self.counter = counter
        self.score = score
        self.reason = reason
        self.at = at
    }

    /// The rating an event records, if it is one.
    public init?(_ event: HallEvent, on date: BusinessDate) {
        guard case let .rated(ticket, counter, service, score, reason) = event.kind else { return nil }
        self.init(date: date, ticket: ticket, service: service, counter: counter, score: score, reason: reason, at: event.at)
    }

    /// The follow-up's id: the date without dashes and the ticket, e.g. `20261201-A023`
    /// (ticket numbers start afresh every day).
    public var followUpID: String { FollowUp.id(date: date, ticket: ticket) }
}
