import KioskCore

/// What a citizen's SMS reply did (for the log and the tests; the gateway is answered with an
/// empty body whatever it was, so nothing goes back through it).
public enum ReplyOutcome: Sendable, Equatable {
    /// More replies from this number than `reply.max_per_number` allows: ignored.
    case rateLimited
    /// The number left no live ticket today: nothing done, nothing sent.
    case unknownNumber
    case acknowledged(TicketNumber)
    /// "1" again: nothing more to do.
    case alreadyAcknowledged(TicketNumber)
    /// "2": the ticket is given up; its confirmation is in the outbox.
    case cancelled(TicketNumber)
    /// Something else: the one help message is in the outbox.
    case helpSent(TicketNumber)
    /// Something else again: the help message went already.
    case helpAlreadySent(TicketNumber)
    /// The ticket changed before the reply could act (served, called away): nothing done.
    case tooLate(TicketNumber, QueueError)
}

extension ReplyOutcome {
    /// The ticket the reply was about, if one was found.
    public var ticket: TicketNumber? {
        switch self {
        case .rateLimited, .unknownNumber: nil
        case let .acknowledged(t), let .alreadyAcknowledged(t), let .cancelled(t), let .helpSent(t), let .helpAlreadySent(t), let .tooLate(t, _): t
        }
    }
}
