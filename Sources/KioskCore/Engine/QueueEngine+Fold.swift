import Foundation

extension QueueEngine {
    /// Applies one committed event to the state. Total: events are facts, so there are no
    /// checks here (a journal written under another config still folds; unknown windows are
    /// created on demand).
    public func fold(_ event: HallEvent, into state: inout HallState) {
        let at = event.at
        if case let .dayStarted(date) = event.kind {
            // The appointment book outlives the day: bookings for the days ahead stay.
            var book = state.appointments
            book.drop(before: date)
            state = HallState(config: config)
            state.appointments = book
            state.date = date
            state.lastEventAt = at
            return
        }
        if state.date == nil { state.date = calendar.businessDate(of: at) }
        state.lastEventAt = max(state.lastEventAt ?? at, at)

        switch event.kind {
        case .dayStarted:
            break
        case let .sessionOpened(k):
            state.openSession = k
            state.sessionsOpened = max(state.sessionsOpened, k + 1)
        case let .sessionClosed(k):
            if state.openSession == k { state.openSession = nil }
            state.sessionsOpened = max(state.sessionsOpened, k + 1)

        case let .issued(number, service, priority, contact, _):
            let prefix = String(number.prefix(1))
            if let n = Int(number.dropFirst()) { state.lastNumber[prefix] = max(state.lastNumber[prefix] ?? n, n) }
            state.issuedCount[service, default: 0] += 1
            let ticket = Ticket(
                number: number, service: service, priority: priority, issuedAt: at,
                sequence: state.issueSequence, hasContact: contact
            )
            state.issueSequence += 1
            state.tickets[number] = ticket
            insertInLine(ticket, into: &state)

        case let .called(number, counter, audit):
            removeFromLine(number, in: &state)
            state.tickets[number]?.state = .called(counter: counter, calls: 1, lastCallAt: at)
            state.tickets[number]?.callSince = at
            if state.tickets[number]?.firstCalledAt == nil { state.tickets[number]?.firstCalledAt = at }
            withCounter(counter, in: &state) { $0.current = number }
            // An appointment's call is not a normal call: the walk-ins' interleave does not count it.
            if audit == nil, let ticket = state.tickets[number], ticket.appointmentSlot == nil {
                countInterleave(priority: ticket.priority, at: counter, in: &state)
            }
        case let .recalled(number, counter, n):
            state.tickets[number]?.state = .called(counter: counter, calls: n + 1, lastCallAt: at)
        case let .noShow(number, counter, _):
            state.tickets[number]?.state = .noShow(at: at)
            release(counter, holding: number, in: &state)
        case let .started(number, counter):
            state.tickets[number]?.state = .serving(counter: counter, since: at)
        case let .finished(number, counter):
            state.tickets[number]?.state = .done(at: at)
            state.tickets[number]?.finishedBy = counter
            release(counter, holding: number, in: &state)
            withCounter(counter, in: &state) { $0.lastFinished = number }
        case let .transferred(number, counter, _, to):
            release(counter, holding: number, in: &state)
            state.tickets[number]?.service = to
            state.tickets[number]?.state = .waiting
            if let ticket = state.tickets[number] { insertInLine(ticket, into: &state) }
        case let .parked(number, counter):
            state.tickets[number]?.state = .parked(counter: counter, since: at)
            release(counter, holding: number, in: &state)
        case let .unparked(number, counter):
            state.tickets[number]?.state = .called(counter: counter, calls: 1, lastCallAt: at)
            state.tickets[number]?.callSince = at
            withCounter(counter, in: &state) { $0.current = number }
        case let .cancelled(number):
            removeFromLine(number, in: &state)
            // Withdrawn by SMS while called: the window is free again.
            if let counter = state.tickets[number]?.state.counter { release(counter, holding: number, in: &state) }
            state.tickets[number]?.state = .cancelled(at: at)
        case .replied:
            break   // what it did follows as its own events
        case let .acknowledged(number):
            state.tickets[number]?.acknowledged = true
        case let .escalated(number, counter):
            state.tickets[number]?.state = .parked(counter: counter, since: at)
            state.tickets[number]?.escalated = true
            release(counter, holding: number, in: &state)
        case let .handedToReview(number, counter, note):
            state.tickets[number]?.state = .inReview(since: at)
            state.tickets[number]?.review = ReviewCase(handedBy: counter, handedAt: at, note: note)
            release(counter, holding: number, in: &state)
        case let .reviewTaken(number, reviewer):
            state.tickets[number]?.review?.reviewer = reviewer
            state.tickets[number]?.review?.takenAt = at
            withCounter(reviewer, in: &state) { $0.reviewing = number }
        case let .reviewApproved(number, reviewer):
            decided(number, by: reviewer, .approved, at: at, in: &state)
        case let .reviewReturned(number, reviewer, reason):
            decided(number, by: reviewer, .returned(reason: reason), at: at, in: &state)
        case let .calledBack(number, counter):
            state.tickets[number]?.state = .called(counter: counter, calls: 1, lastCallAt: at)
            state.tickets[number]?.callSince = at
            withCounter(counter, in: &state) { $0.current = number }
        case let .reactivated(number, _):
            state.tickets[number]?.state = .waiting
            if let ticket = state.tickets[number] { insertInLine(ticket, into: &state) }

        case let .paused(counter, until):
            withCounter(counter, in: &state) { $0.availability = .paused(since: at, until: until) }
        case let .resumed(counter), let .counterOpened(counter):
            withCounter(counter, in: &state) { $0.availability = .open }
        case let .counterClosed(counter):
            withCounter(counter, in: &state) { $0.availability = .closed }
        case let .coverStarted(counter, covered, _):
            withCounter(counter, in: &state) { if !$0.covering.contains(covered) { $0.covering.append(covered) } }
        case let .coverEnded(counter, covered, _):
            withCounter(counter, in: &state) { $0.covering.removeAll { $0 == covered } }
        case let .serviceClosed(service, _):
            state.closedServices.insert(service)
        case let .serviceReopened(service, _):
            state.closedServices.remove(service)
        case let .rated(number, _, _, score, _):
            state.tickets[number]?.rating = score
        case .followUpClosed:
            break   // about an earlier day: the follow-up book folds it, the queue does not
        case .configChanged:
            break   // the new config's engine adopts the state (`adopting`), not this one
        case .adviceGiven:
            break   // what a supervisor was shown: the report's to count, the queue's not
        case .appointmentBooked, .appointmentCancelled, .appointmentReleased:
            state.appointments.fold(event)
        case let .appointmentCheckedIn(_, date, number, slot):
            state.appointments.fold(event)
            if let slot { state.tickets[number]?.appointmentSlot = calendar.instant(on: date, at: slot) }
        }
    }

    private func withCounter(_ id: CounterID, in state: inout HallState, _ change: (inout CounterState) -> Void) {
        var counter = state.counters[id] ?? CounterState(id: id)
        change(&counter)
        state.counters[id] = counter
    }

    private func decided(_ number: TicketNumber, by reviewer: CounterID, _ decision: ReviewDecision, at: Date, in state: inout HallState) {
        state.tickets[number]?.state = .reviewed(since: at)
        state.tickets[number]?.review?.reviewer = reviewer
        state.tickets[number]?.review?.decision = decision
        state.tickets[number]?.review?.decidedAt = at
        withCounter(reviewer, in: &state) { if $0.reviewing == number { $0.reviewing = nil } }
    }

    private func release(_ id: CounterID, holding number: TicketNumber, in state: inout HallState) {
        withCounter(id, in: &state) { if $0.current == number { $0.current = nil } }
    }

    /// Takes a ticket out of the line. Called tickets are usually near its head, so the search
    /// stops early instead of scanning a long line (a day's replay at start-up depends on it).
    private func removeFromLine(_ number: TicketNumber, in state: inout HallState) {
        guard let index = state.line.firstIndex(of: number) else { return }
        state.line.remove(at: index)
        if let ticket = state.tickets[number] { state.waitingIndex.remove(ticket) }
    }

    /// Puts a waiting ticket at its place by issue time (binary search; the line stays sorted).
    /// Every caller moves a ticket that is not in the line (new, back from a window, reactivated).
    private func insertInLine(_ ticket: Ticket, into state: inout HallState) {
        // A new ticket lines up after everyone (the line is kept in order): one look at its
        // tail instead of a search (a restart folds the day's thousands of issues).
        if let last = state.line.last, let other = state.tickets[last], Ticket.linesUpBefore(other, ticket) {
            state.line.append(ticket.number)
            state.waitingIndex.insert(ticket)
            return
        }
        var low = 0, high = state.line.count
        while low < high {
            let mid = (low + high) / 2
            if let other = state.tickets[state.line[mid]], Ticket.linesUpBefore(other, ticket) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        state.line.insert(ticket.number, at: low)
        state.waitingIndex.insert(ticket)
    }

    /// A rule call resets the interleave count after a priority ticket and counts a normal one.
    private func countInterleave(priority: Bool, at counter: CounterID, in state: inout HallState) {
        switch config.priority.scope {
        case .hall:
            state.normalCallsSincePriority = CallRule.normalCallsSincePriority(after: state.normalCallsSincePriority, calledPriority: priority)
        case .counter:
            withCounter(counter, in: &state) {
                $0.normalCallsSincePriority = CallRule.normalCallsSincePriority(after: $0.normalCallsSincePriority, calledPriority: priority)
            }
        }
    }
}
