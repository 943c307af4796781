/// What citizens' SMS replies and escalation did, folded from the journal's events: the same
/// figures for `/v1/stats` (today) and for reports (a period).
public struct ReplyFigures: Sendable, Equatable {
    /// Replies matched to a ticket (unknown numbers and rate-limited replies are not journaled).
    public var received = 0
    public var acknowledged = 0
    /// Tickets given up by a reply of "2".
    public var cancelled = 0
    /// Replies read as neither "1" nor "2": the citizen was sent the help text (once per ticket).
    public var helpRequests = 0
    /// Priority tickets set aside unanswered instead of an automatic no-show.
    public var escalated = 0
    /// Of those, tickets later served: a second trip spared.
    public var noShowsAvoided = 0
    private var withdrawing: Set<TicketNumber> = []
    private var setAside: Set<TicketNumber> = []

    public init() {}

    /// Folds one event; a period's figures add up across days (numbers restart each day).
    public mutating func fold(_ event: HallEvent) {
        switch event.kind {
        case .dayStarted:
            withdrawing = []
            setAside = []
        case let .replied(ticket, answer):
            received += 1
            if answer == .cancel { withdrawing.insert(ticket) }
            if answer == .other { helpRequests += 1 }
        case .acknowledged:
            acknowledged += 1
        case let .cancelled(ticket):
            if withdrawing.remove(ticket) != nil { cancelled += 1 }
        case let .escalated(ticket, _):
            escalated += 1
            setAside.insert(ticket)
        case let .finished(ticket, _):
            if setAside.remove(ticket) != nil { noShowsAvoided += 1 }
        default:
            break
        }
    }

    public static func == (a: ReplyFigures, b: ReplyFigures) -> Bool {
        (a.received, a.acknowledged, a.cancelled, a.helpRequests, a.escalated, a.noShowsAvoided)
            == (b.received, b.acknowledged, b.cancelled, b.helpRequests, b.escalated, b.noShowsAvoided)
    }

    /// The figures as JSON (reports).
    public var jsonValue: JSONValue {
        [
            "received": .int(received), "acknowledged": .int(acknowledged), "cancelled": .int(cancelled), "help": .int(helpRequests),
            "escalated": .int(escalated), "no_shows_avoided": .int(noShowsAvoided),
        ]
    }
}
