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

        if config.recall.automatic {
            for counter in config.counters {
                guard let number = state.counters[counter.id]?.current, let ticket = state.tickets[number],
                      case let .called(at, calls, lastCallAt) = ticket.state else { continue }
                let due = lastCallAt.addingTimeInterval(config.recall.intervalSeconds)
                let recallsSoFar = calls - 1
                candidates.append(HallEvent(
                    at: due,
                    recallsSoFar < config.recall.maxRecalls
                        ? .recalled(ticket: number, counter: at, n: calls)
                        : .noShow(ticket: number, counter: at, automatic: true)
                ))
            }
        }

        for counter in config.counters {
            if case let .paused(_, until?) = state.counters[counter.id]?.availability {
                candidates.append(HallEvent(at: until, .resumed(counter: counter.id)))
            }
        }
        // Stable: equal times keep the order above (sessions, then windows in config order).
        return candidates.enumerated().min { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }?.element
    }
}
