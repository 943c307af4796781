import Foundation

/// The whole hall for one business day: built only by folding events (`QueueEngine.fold`).
public struct HallState: Sendable, Equatable {
    /// The business date of the events folded so far; nil before the first event.
    public var date: BusinessDate?
    /// Index into the config's sessions while the kiosk issues tickets.
    public var openSession: Int?
    /// How many of the config's sessions have opened today (the next one to open is this index).
    public var sessionsOpened: Int
    /// Today's tickets (a `TicketBook`: a published copy and the hall's next change share all
    /// but one small piece of it).
    public var tickets: TicketBook
    /// Waiting tickets in line order (issue time, then issue sequence). Derived, kept by fold
    /// (`line`, with `waitingIndex`); a state built by hand that sets it whole (tests) gets its
    /// index rebuilt from `tickets`, so set `tickets` first.
    public var waiting: [TicketNumber] {
        get { line }
        set {
            line = newValue
            waitingIndex = WaitingIndex(line: newValue, tickets: tickets)
        }
    }
    /// `waiting`'s storage, edited in place by fold together with `waitingIndex`.
    var line: [TicketNumber]
    /// The line counted by service and class (people ahead, joiners since an issue): kept by
    /// fold with `waiting`, so those counts never need a pass over the line.
    public internal(set) var waitingIndex = WaitingIndex()
    public var counters: [CounterID: CounterState]
    /// The last number handed out per service letter today.
    public var lastNumber: [ServiceCode: Int]
    /// Tickets issued today per service (for quotas).
    public var issuedCount: [ServiceCode: Int]
    /// Normal calls since the last priority call, for the hall-wide interleave scope (a day
    /// starts at `PriorityRule.initialNormalCalls`).
    public var normalCallsSincePriority: Int
    /// Services a supervisor stopped issuing for today.
    public var closedServices: Set<ServiceCode>
    /// Tickets issued today, all services.
    public var issueSequence: Int
    /// The time of the newest event folded; the engine never stamps an event before it.
    public var lastEventAt: Date?
    /// Appointments from today on (it outlives the day: `fold` keeps it at a new day).
    public var appointments = AppointmentBook()

    /// An empty hall whose windows are all open.
    public init(config: HallConfig) {
        date = nil
        openSession = nil
        sessionsOpened = 0
        tickets = [:]
        line = []
        let startCount = config.priority.initialNormalCalls
        counters = Dictionary(uniqueKeysWithValues: config.counters.map { ($0.id, CounterState(id: $0.id, normalCallsSincePriority: startCount)) })
        lastNumber = [:]
        issuedCount = [:]
        normalCallsSincePriority = startCount
        closedServices = []
        issueSequence = 0
        lastEventAt = nil
    }

    /// The waiting tickets, in line order.
    public var waitingTickets: [Ticket] { waiting.compactMap { tickets[$0] } }
}
