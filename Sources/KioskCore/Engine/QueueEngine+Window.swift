import Foundation

/// What a clerk does at a window.
extension QueueEngine {
    /// The window's config and live state, or the reason it cannot act.
    func window(_ id: CounterID, in state: HallState) throws(QueueError) -> CounterState {
        guard config.counter(id) != nil, let counter = state.counters[id] else { throw .unknownCounter(id) }
        return counter
    }

    /// A window that is open and has no ticket: ready to call.
    func freeWindow(_ id: CounterID, in state: HallState) throws(QueueError) -> CounterState {
        let counter = try window(id, in: state)
        switch counter.availability {
        case .paused: throw .counterPaused(id)
        case .closed: throw .counterClosed(id)
        case .open: break
        }
        if let current = counter.current { throw .counterBusy(counter: id, ticket: current) }
        return counter
    }

    /// The ticket the window holds now.
    func currentTicket(at id: CounterID, in state: HallState) throws(QueueError) -> Ticket {
        let counter = try window(id, in: state)
        guard let number = counter.current, let ticket = state.tickets[number] else { throw .counterIdle(id) }
        return ticket
    }

    func callNext(counter id: CounterID, in state: HallState, at now: Date) throws(QueueError) -> HallEvent.Kind {
        _ = try freeWindow(id, in: state)
        // A citizen back from review goes first: they already queued once (README, the call rule).
        if let back = callBack(for: id, in: state) { return .calledBack(ticket: back.number, counter: id) }
        guard let ticket = CallRule(config: config).select(for: id, in: state, at: now) else { throw .noTicketWaiting(id) }
        return .called(ticket: ticket.number, counter: id, audit: nil)
    }

    func callTicket(counter id: CounterID, ticket number: TicketNumber, by: String, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        _ = try freeWindow(id, in: state)
        let ticket = try existing(number, in: state)
        guard ticket.state == .waiting else { throw .invalidTransition(ticket: number, state: ticket.state.name, action: "call") }
        guard CallRule(config: config).services(of: id, in: state).contains(ticket.service) else {
            throw .counterDoesNotServe(counter: id, service: ticket.service)
        }
        return .called(ticket: number, counter: id, audit: by)
    }

    func recall(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try currentTicket(at: id, in: state)
        guard case let .called(_, calls, _) = ticket.state else {
            throw .invalidTransition(ticket: ticket.number, state: ticket.state.name, action: "recall")
        }
        guard calls - 1 < config.recall.maxRecalls else {
            throw .recallLimitReached(ticket: ticket.number, maxRecalls: config.recall.maxRecalls)
        }
        return .recalled(ticket: ticket.number, counter: id, n: calls)
    }

    func start(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try currentTicket(at: id, in: state)
        guard case .called = ticket.state else {
            throw .invalidTransition(ticket: ticket.number, state: ticket.state.name, action: "start")
        }
        return .started(ticket: ticket.number, counter: id)
    }

    func finish(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try currentTicket(at: id, in: state)
        guard case .serving = ticket.state else {
            throw .invalidTransition(ticket: ticket.number, state: ticket.state.name, action: "finish")
        }
        return .finished(ticket: ticket.number, counter: id)
    }

    func noShow(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try currentTicket(at: id, in: state)
        guard case .called = ticket.state else {
            throw .invalidTransition(ticket: ticket.number, state: ticket.state.name, action: "mark no-show")
        }
        return .noShow(ticket: ticket.number, counter: id, automatic: false)
    }

    /// The clerk (or supervisor) decides a set-aside ticket is not coming: a no-show straight
    /// from parked, as if it had been called back and skipped. Only for a ticket this window set
    /// aside unanswered; once the citizen has answered "1" they are on their way (call it back).
    func noShowAwaiting(counter id: CounterID, ticket number: TicketNumber, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        _ = try window(id, in: state)
        let ticket = try existing(number, in: state)
        guard case let .parked(holder, _) = ticket.state, holder == id else { throw .notParkedHere(ticket: number, counter: id) }
        guard ticket.escalated else {
            throw .invalidTransition(ticket: number, state: "parked", action: "mark no-show without calling it back")
        }
        guard !ticket.acknowledged else {
            throw .invalidTransition(ticket: number, state: "acknowledged", action: "mark no-show without calling it back")
        }
        return .noShow(ticket: number, counter: id, automatic: false)
    }

    func transfer(counter id: CounterID, to service: ServiceCode, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try currentTicket(at: id, in: state)
        guard config.service(service) != nil else { throw .unknownService(service) }
        guard service != ticket.service else { throw .sameService(ticket: ticket.number, service: service) }
        return .transferred(ticket: ticket.number, counter: id, from: ticket.service, to: service)
    }

    func park(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try currentTicket(at: id, in: state)
        return .parked(ticket: ticket.number, counter: id)
    }

    func unpark(counter id: CounterID, ticket number: TicketNumber, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        _ = try freeWindow(id, in: state)
        let ticket = try existing(number, in: state)
        guard case let .parked(holder, _) = ticket.state, holder == id else {
            throw .notParkedHere(ticket: number, counter: id)
        }
        return .unparked(ticket: number, counter: id)
    }

    func pause(counter id: CounterID, until: Date?, in state: HallState, at now: Date) throws(QueueError) -> HallEvent.Kind {
        _ = try freeWindow(id, in: state)
        if let until, until <= now { throw .returnTimeInPast(counter: id) }
        return .paused(counter: id, until: until)
    }

    func resume(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        guard case .paused = try window(id, in: state).availability else { throw .counterNotPaused(id) }
        return .resumed(counter: id)
    }

    func closeCounter(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let counter = try window(id, in: state)
        if counter.availability == .closed { throw .counterClosed(id) }
        if let current = counter.current ?? counter.reviewing { throw .counterBusy(counter: id, ticket: current) }
        return .counterClosed(counter: id)
    }

    func openCounter(counter id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        switch try window(id, in: state).availability {
        case .closed: return .counterOpened(counter: id)
        case .open: throw .counterAlreadyOpen(id)
        case .paused: throw .counterNotClosed(id)
        }
    }
}
