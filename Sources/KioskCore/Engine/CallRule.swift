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
    public func select(for counter: CounterID, in state: HallState, at now: Date) -> Ticket? {
        let eligible = services(of: counter, in: state)
        var normal: [Ticket] = [], priority: [Ticket] = []
        for ticket in state.waitingTickets where eligible.contains(ticket.service) {
            if ticket.priority { priority.append(ticket) } else { normal.append(ticket) }
        }
        if let minutes = config.priority.ageingGuardMinutes, let oldest = normal.first,
           now.timeIntervalSince(oldest.issuedAt) >= Double(minutes) * 60 {
            return oldest
        }
        let since = config.priority.scope == .hall
            ? state.normalCallsSincePriority
            : state.counters[counter]?.normalCallsSincePriority ?? 0
        if !priority.isEmpty && (normal.isEmpty || since >= config.priority.everyNNormal) {
            return pick(from: priority, services: eligible, policy: policy(of: counter))
        }
        if !normal.isEmpty {
            return pick(from: normal, services: eligible, policy: policy(of: counter))
        }
        return nil
    }

    private func policy(of counter: CounterID) -> CallPolicy {
        config.counter(counter)?.policy ?? .fifo
    }

    /// `candidates` are in line order.
    private func pick(from candidates: [Ticket], services: [ServiceCode], policy: CallPolicy) -> Ticket? {
        switch policy {
        case .fifo:
            return candidates.first
        case .serviceOrder:
            for service in services {
                if let ticket = candidates.first(where: { $0.service == service }) { return ticket }
            }
            return candidates.first
        }
    }
}
