import Foundation

/// A ticket's printed number, e.g. `A023`. It keeps its number when transferred to another
/// service, so the letter names the service it was issued for, not necessarily its queue now.
public typealias TicketNumber = String

/// One citizen's ticket for the business day.
public struct Ticket: Sendable, Equatable {
    public var number: TicketNumber
    /// The service whose queue it is in now (changes on transfer).
    public var service: ServiceCode
    /// Elderly, disabled or otherwise entitled to the priority interleave.
    public var priority: Bool
    /// When it was printed; its place in line, kept across transfers and reactivation.
    public var issuedAt: Date
    /// Issue order within the day; breaks ties between equal `issuedAt`.
    public var sequence: Int
    public var state: TicketState
    /// The first time the display called it: the end of the wait the estimate promised.
    public var firstCalledAt: Date?
    /// The citizen left a phone number for SMS (the number itself lives with the notifier).
    public var hasContact: Bool
    /// The citizen's rating (1–5) once given; one per ticket.
    public var rating: Int? = nil
    /// The window that finished it (a rating is that window's).
    public var finishedBy: CounterID? = nil
    /// The citizen (or their caretaker) answered a message with "1": on their way.
    public var acknowledged = false
    /// Set aside once, unanswered, awaiting the citizen (`reply.escalate_after_s`); while it is
    /// parked, the window shows it 未确认, and once called back it follows the normal recalls.
    public var escalated = false
    /// Its latest hand-off to review (即审), while in review and after (the clerk who calls it
    /// back sees the decision); nil when it was never handed over.
    public var review: ReviewCase? = nil
    /// When its current call began (the first call, or being called back from parked): the
    /// escalation and arrival-grace timers count from here.
    public var callSince: Date? = nil
    /// An appointment's ticket (预约, checked in on time): when its slot begins. The call rule
    /// takes it before the walk-ins once this has come.
    public var appointmentSlot: Date? = nil

    public var isAppointment: Bool { appointmentSlot != nil }

    public init(
        number: TicketNumber, service: ServiceCode, priority: Bool, issuedAt: Date, sequence: Int,
        state: TicketState = .waiting, firstCalledAt: Date? = nil, hasContact: Bool = false
    ) {
        self.number = number
        self.service = service
        self.priority = priority
        self.issuedAt = issuedAt
        self.sequence = sequence
        self.state = state
        self.firstCalledAt = firstCalledAt
        self.hasContact = hasContact
    }

    /// Sorts tickets by their place in line.
    public static func linesUpBefore(_ a: Ticket, _ b: Ticket) -> Bool {
        (a.issuedAt, a.sequence) < (b.issuedAt, b.sequence)
    }
}

/// Where a ticket is in its life. Exactly one state at a time; `done`, `noShow` and
/// `cancelled` end it (a no-show can be reactivated by a supervisor within a tolerance).
public enum TicketState: Sendable, Equatable {
    case waiting
    /// On the display at `counter`; `calls` = 1 for the first call, +1 per recall.
    case called(counter: CounterID, calls: Int, lastCallAt: Date)
    case serving(counter: CounterID, since: Date)
    /// Held by a window (e.g. the citizen went to fetch a document) and called back later.
    case parked(counter: CounterID, since: Date)
    /// Handed to review by a window (即审): waiting for a reviewer, or being reviewed (`review`
    /// says which and by whom). The citizen keeps the number and waits.
    case inReview(since: Date)
    /// Reviewed (approved or returned): waiting to be called back to a window.
    case reviewed(since: Date)
    case done(at: Date)
    case noShow(at: Date)
    case cancelled(at: Date)

    /// A stable lower-case name for APIs and errors.
    public var name: String {
        switch self {
        case .waiting: return "waiting"
        case .called: return "called"
        case .serving: return "serving"
        case .parked: return "parked"
        case .inReview: return "in_review"
        case .reviewed: return "reviewed"
        case .done: return "done"
        case .noShow: return "no_show"
        case .cancelled: return "cancelled"
        }
    }

    /// The window that holds the ticket now, if any.
    public var counter: CounterID? {
        switch self {
        case let .called(counter, _, _), let .serving(counter, _), let .parked(counter, _): return counter
        default: return nil
        }
    }
}
