import Foundation

/// A new hall config while the hall runs: whether it can take over now, and the state as it
/// takes over. Pure, like the rest of the engine: the hall actor and every replay use the same
/// steps, so a restart rebuilds exactly the hall that ran.
extension QueueEngine {
    /// Why the hall in `state` cannot switch to `new` now, or nil when it can. A removed
    /// service must have nobody left in it, a removed window no ticket there, and keys read
    /// only at start must be unchanged.
    public func liveChangeRefusal(to new: HallConfig, in state: HallState) -> ConfigChangeRefusal? {
        let restartOnly = HallConfigDiff(from: config, to: new).restartOnlyKeys
        if !restartOnly.isEmpty { return .restartRequired(keys: restartOnly) }
        let kept = Set(new.services.map(\.code))
        for service in config.services where !kept.contains(service.code) {
            let open = state.tickets.values.filter { $0.service == service.code && Self.isOpen($0.state) }.count
            if open > 0 { return .serviceHasTickets(service: service.code, count: open) }
        }
        let keptWindows = Set(new.counters.map(\.id))
        for window in config.counters.map(\.id) + state.counters.keys.sorted() where !keptWindows.contains(window) {
            // 即审: a case it handed over comes back to it; a case it reviews waits for its decision.
            let held = state.tickets.values.filter { ticket in
                if ticket.state.counter == window { return true }
                switch ticket.state {
                case .inReview: return ticket.review?.handedBy == window || ticket.review?.reviewer == window
                case .reviewed: return ticket.review?.handedBy == window
                default: return false
                }
            }.map(\.number).sorted()
            if !held.isEmpty { return .windowHasTickets(window: window, tickets: held) }
        }
        return nil
    }

    /// `state` as this engine's config takes it over: windows new to the config start open and
    /// idle; windows it no longer has go (a live change refuses to drop one holding a ticket, so
    /// only idle ones are dropped), and so do covers of them.
    public func adopting(_ state: HallState) -> HallState {
        var state = state
        let ids = Set(config.counters.map(\.id))
        for counter in config.counters where state.counters[counter.id] == nil {
            state.counters[counter.id] = CounterState(id: counter.id, normalCallsSincePriority: config.priority.initialNormalCalls)
        }
        for (id, counter) in state.counters where !ids.contains(id) && counter.current == nil {
            state.counters[id] = nil
        }
        let remaining = Set(state.counters.keys)
        for id in remaining {
            state.counters[id]?.covering.removeAll { !remaining.contains($0) }
        }
        return state
    }

    /// Folds `events` (one business day's, in order) from a fresh hall, switching to the config
    /// each `configChanged` names as it comes (`configs`, by version; a version missing there
    /// keeps the config as it was). Returns the engine in force after the last event and the state.
    public func replay(_ events: [HallEvent], configs: [Int64: HallConfig]) -> (engine: QueueEngine, state: HallState) {
        var engine = self
        var state = initialState()
        for event in events {
            engine.fold(event, into: &state)
            if case let .configChanged(version, _) = event.kind, let next = configs[version] {
                engine = QueueEngine(config: next)
                state = engine.adopting(state)
            }
        }
        return (engine, state)
    }

    /// A ticket somebody is still in the hall for.
    private static func isOpen(_ state: TicketState) -> Bool {
        switch state {
        case .waiting, .called, .serving, .parked, .inReview, .reviewed: return true
        case .done, .noShow, .cancelled: return false
        }
    }
}
