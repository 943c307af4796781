import Foundation

extension QueueEngine {
    /// Emits and folds every timed event due up to `now`, in the order they fell due: the start
    /// of a new business date, session opening and closing, automatic recalls and no-shows, and
    /// paused windows coming back at their "back at" time.
    func advance(_ state: inout HallState, to now: Date) -> [HallEvent] {
        var events: [HallEvent] = []
        let today = calendar.businessDate(of: now)
        while true {
            // Timers of a day that has ended fire only up to its midnight; then the new day starts.
            let dayEnd = state.date.map { calendar.midnight(of: calendar.dayAfter($0)) }
            if let due = nextTimedEvent(in: state), due.at <= now, dayEnd.map({ due.at < $0 }) ?? true {
                let event = HallEvent(at: max(due.at, state.lastEventAt ?? due.at), due.kind)
                fold(event, into: &state)
                events.append(event)
                continue
            }
            if state.date == nil || state.date! < today {
                let midnight = calendar.midnight(of: today)
                let event = HallEvent(at: max(midnight, state.lastEventAt ?? midnight), .dayStarted(today))
                fold(event, into: &state)
                events.append(event)
                continue
            }
            return events
        }
    }

    /// The earliest timed event the rules schedule for this state, whether or not it is due.
    func nextTimedEvent(in state: HallState) -> HallEvent? {
        guard let date = state.date else { return nil }
        var candidates: [HallEvent] = []

        if let open = state.openSession, open < config.sessions.count {
            candidates.append(HallEvent(at: calendar.instant(on: date, at: config.sessions[open].end), .sessionClosed(open)))
        } else if state.openSession == nil, state.sessionsOpened < config.sessions.count {
            let k = state.sessionsOpened
            candidates.append(HallEvent(at: calendar.instant(on: date, at: config.sessions[k].start), .sessionOpened(k)))
        }

        for counter in config.counters {
            guard let number = state.counters[counter.id]?.current, let ticket = state.tickets[number],
                  case .called = ticket.state, let due = callTimer(for: ticket) else { continue }
            candidates.append(due)
        }

        for counter in config.counters {
            if case let .paused(_, until?) = state.counters[counter.id]?.availability {
                candidates.append(HallEvent(at: until, .resumed(counter: counter.id)))
            }
        }
        if let release = nextRelease(in: state) { candidates.append(release) }
        // Stable: equal times keep the order above (sessions, then windows in config order).
        return candidates.enumerated().min { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }?.element
    }

    /// The next timed event of a called ticket, if any: the automatic recall or no-show, held
    /// back for an acknowledged citizen by `reply.arrival_grace_s`; for an unanswered priority
    /// ticket, being set aside (`escalated`) after `reply.escalate_after_s`, and never a no-show
    /// before that has happened once.
    func callTimer(for ticket: Ticket) -> HallEvent? {
        guard case let .called(counter, calls, lastCallAt) = ticket.state else { return nil }
        let reply = config.reply
        let since = ticket.callSince ?? lastCallAt
        var next: HallEvent?
        if config.recall.automatic {
            var due = lastCallAt.addingTimeInterval(config.recall.intervalSeconds)
            if reply.enabled, ticket.acknowledged { due = max(due, since.addingTimeInterval(reply.arrivalGraceSeconds)) }
            next = HallEvent(
                at: due,
                calls - 1 < config.recall.maxRecalls
                    ? .recalled(ticket: ticket.number, counter: counter, n: calls)
                    : .noShow(ticket: ticket.number, counter: counter, automatic: true)
            )
        }
        guard reply.enabled, ticket.priority, ticket.hasContact, !ticket.acknowledged, !ticket.escalated else { return next }
        var escalation = since.addingTimeInterval(reply.escalateAfterSeconds)
        if let next {
            if case .recalled = next.kind, next.at < escalation { return next }
            // The no-show is held: the ticket is set aside instead, by then at the latest.
            escalation = min(escalation, next.at)
        }
        return HallEvent(at: escalation, .escalated(ticket: ticket.number, counter: counter))
    }
}
