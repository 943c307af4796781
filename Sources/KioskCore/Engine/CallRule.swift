import Foundation

/// Which waiting ticket a free window calls next, exactly as the wait-eval README specifies:
/// the priority interleave "one priority after every N normal calls" (hall or window scope,
/// N = 0 strict), then the window's policy within the chosen class; plus an optional ageing
/// guard that lets a normal ticket waiting longer than X minutes go first.
public struct CallRule: Sendable {
    public let config: HallConfig

    public init(config: HallConfig) {
        self.config = config
    }

    /// The services `counter` serves now: its own, then those of the windows it covers.
    public func services(of counter: CounterID, in state: HallState) -> [ServiceCode] {
        var list = config.counter(counter)?.services ?? []
        for covered in state.counters[counter]?.covering ?? [] {
            for service in config.counter(covered)?.services ?? [] where !list.contains(service) {
                list.append(service)
            }
        }
        return list
    }

    /// The ticket `counter` would call at `now`, or nil when none it serves is waiting.
    ///
    /// A checked-in appointment whose slot has come goes first (earliest slot, then earliest
    /// check-in), before the walk-ins' interleave; one checked in early waits for its slot
    /// unless no walk-in the window serves is waiting. Appointment tickets are no class of the
    /// interleave, and their calls are not counted in it.
    public func select(for counter: CounterID, in state: HallState, at now: Date) -> Ticket? {
        let eligible = services(of: counter, in: state)
        // The first waiting ticket of each class (served service × priority), in line order.
        var heads = [(rank: Int, ticket: Ticket)?](repeating: nil, count: eligible.count * 2)
        var missing = heads.count
        // Appointments can be anywhere in the line: look at all of it when the hall takes them.
        let scanAll = config.takesAppointments
        var dueAppointment: Ticket?, earlyAppointment: Ticket?
        for (rank, number) in state.waiting.enumerated() where missing > 0 || scanAll {
            guard let ticket = state.tickets[number], let s = eligible.firstIndex(of: ticket.service) else { continue }
            if let slot = ticket.appointmentSlot {
                if slot <= now {
                    if dueAppointment.map({ Self.appointmentGoesBefore(ticket, $0) }) ?? true { dueAppointment = ticket }
                } else if earlyAppointment.map({ Self.appointmentGoesBefore(ticket, $0) }) ?? true {
                    earlyAppointment = ticket
                }
                continue
            }
            let k = s * 2 + (ticket.priority ? 1 : 0)
            if heads[k] == nil {
                heads[k] = (rank, ticket)
                missing -= 1
            }
        }
        let since = config.priority.scope == .hall
            ? state.normalCallsSincePriority
            : state.counters[counter]?.normalCallsSincePriority ?? 0
        if let dueAppointment { return dueAppointment }
        let lines = HallLines(heads: heads, now: now)
        guard let choice = choose(from: lines, serviceOrder: policy(of: counter) == .serviceOrder, normalCallsSincePriority: since) else {
            // Nobody else waits: an early appointment need not wait for its slot.
            return earlyAppointment
        }
        return heads[choice.service * 2 + (choice.priority ? 1 : 0)]?.ticket
    }

    /// Two appointments: the earlier slot, then the earlier check-in.
    static func appointmentGoesBefore(_ a: Ticket, _ b: Ticket) -> Bool {
        (a.appointmentSlot ?? .distantFuture, a.issuedAt, a.sequence) < (b.appointmentSlot ?? .distantFuture, b.issuedAt, b.sequence)
    }

    /// The live line as one window sees it.
    private struct HallLines: CallLines {
        let heads: [(rank: Int, ticket: Ticket)?]
        let now: Date
        var serviceCount: Int { heads.count / 2 }
        func head(service index: Int, priority: Bool) -> Int? { heads[index * 2 + (priority ? 1 : 0)]?.rank }
        func waited(rank: Int) -> Double? {
            heads.lazy.compactMap { $0 }.first { $0.rank == rank }.map { now.timeIntervalSince($0.ticket.issuedAt) }
        }
    }

    /// The call rule itself, on the heads of a window's lines: the engine's call and the
    /// estimator's projection both decide through it, so they cannot disagree.
    ///
    /// The ageing guard first (the longest-waiting normal ticket, once it has waited the
    /// configured minutes), then the interleave (a priority ticket once `since` normal calls
    /// have gone since the last priority one, or when no normal one waits), then the window's
    /// policy within the class: `fifo` takes the earliest in line, `service_order` the first
    /// service in the window's order that has someone waiting.
    public func choose<Lines: CallLines>(from lines: Lines, serviceOrder: Bool, normalCallsSincePriority since: Int) -> CallChoice? {
        var normal = -1, normalRank = Int.max
        var priority = -1, priorityRank = Int.max
        var oldest = -1, oldestRank = Int.max
        for j in 0..<lines.serviceCount {
            if let rank = lines.head(service: j, priority: false) {
                if normal < 0 || (!serviceOrder && rank < normalRank) { normal = j; normalRank = rank }
                if rank < oldestRank { oldest = j; oldestRank = rank }
            }
            if let rank = lines.head(service: j, priority: true), priority < 0 || (!serviceOrder && rank < priorityRank) {
                priority = j
                priorityRank = rank
            }
        }
        if let guardSeconds = ageingGuardSeconds, oldest >= 0, let waited = lines.waited(rank: oldestRank), waited >= guardSeconds {
            return CallChoice(service: oldest, priority: false)
        }
        if priority >= 0 && (normal < 0 || since >= config.priority.everyNNormal) {
            return CallChoice(service: priority, priority: true)
        }
        if normal >= 0 { return CallChoice(service: normal, priority: false) }
        return nil
    }

    /// The ageing guard in seconds, when the hall has one.
    var ageingGuardSeconds: Double? { config.priority.ageingGuardMinutes.map { Double($0) * 60 } }

    /// The interleave count after a rule call: a priority ticket resets it, a normal one counts.
    public static func normalCallsSincePriority(after since: Int, calledPriority: Bool) -> Int {
        calledPriority ? 0 : since + 1
    }

    private func policy(of counter: CounterID) -> CallPolicy {
        config.counter(counter)?.policy ?? .fifo
    }
}

/// What a window chooses between: for each service it serves (in its preference order) and
/// each class, the position in line of the first ticket waiting.
public protocol CallLines {
    /// How many services the window serves.
    var serviceCount: Int { get }
    /// The line position (smaller: earlier in line) of the first `priority` ticket waiting for
    /// the window's `index`-th service, or nil when none is.
    func head(service index: Int, priority: Bool) -> Int?
    /// How long (seconds) the ticket at line position `rank` has waited at the moment of the
    /// call; nil when the ageing guard cannot apply to it (a projected future arrival).
    func waited(rank: Int) -> Double?
}

/// The class a window calls: its `service`-th service, priority or normal.
public struct CallChoice: Sendable, Equatable {
    public var service: Int
    public var priority: Bool
}
