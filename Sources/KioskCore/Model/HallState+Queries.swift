extension HallState {
    /// Waiting tickets of the same service ahead of `number` in line (0 when it is next, nil
    /// when it is not waiting). The estimator accounts for priority tickets that may overtake.
    public func peopleAhead(of number: TicketNumber) -> Int? {
        guard let ticket = tickets[number], ticket.state == .waiting else { return nil }
        return waitingIndex.ahead(of: ticket)
    }

    /// `peopleAhead(of:)` for every waiting ticket at once (one pass over the line).
    public func peopleAheadInService() -> [TicketNumber: Int] {
        var ahead: [TicketNumber: Int] = [:]
        var seen: [ServiceCode: Int] = [:]
        for ticket in waitingTickets {
            ahead[ticket.number] = seen[ticket.service, default: 0]
            seen[ticket.service, default: 0] += 1
        }
        return ahead
    }

    /// How many tickets wait for `service`.
    public func waitingCount(for service: ServiceCode) -> Int {
        waitingIndex.waiting(service: service)
    }

    /// The ticket a window holds now (called or in service).
    public func currentTicket(at counter: CounterID) -> Ticket? {
        counters[counter]?.current.flatMap { tickets[$0] }
    }

    /// Tickets window `counter` handed to review and not yet called back (in review or
    /// reviewed), oldest hand-off first.
    public func casesInReview(handedBy counter: CounterID) -> [Ticket] {
        tickets.values.filter { ticket in
            switch ticket.state {
            case .inReview, .reviewed: return ticket.review?.handedBy == counter
            default: return false
            }
        }.sorted { ($0.review!.handedAt, $0.sequence) < ($1.review!.handedAt, $1.sequence) }
    }

    /// Checks the invariants every state built by folding must keep; returns what is broken.
    /// Used by the randomised tests, and cheap enough to run after every event there.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        let waitingSet = Set(waiting)
        if waitingSet.count != waiting.count { problems.append("a ticket is in the line twice") }
        for (number, ticket) in tickets {
            if ticket.number != number { problems.append("\(number) is stored under another number") }
            if (ticket.state == .waiting) != waitingSet.contains(number) {
                problems.append("\(number) is \(ticket.state.name) but \(waitingSet.contains(number) ? "in" : "not in") the line")
            }
            switch ticket.state {
            case let .called(counter, _, _), let .serving(counter, _):
                if counters[counter]?.current != number { problems.append("\(number) is \(ticket.state.name) at \(counter) but the window holds \(counters[counter]?.current ?? "nothing")") }
            default:
                break
            }
        }
        for (id, counter) in counters {
            if let current = counter.current {
                guard let ticket = tickets[current] else {
                    problems.append("window \(id) holds unknown \(current)")
                    continue
                }
                if ticket.state.counter != id || { if case .parked = ticket.state { true } else { false } }() {
                    problems.append("window \(id) holds \(current) which is \(ticket.state.name)")
                }
                if counter.availability != .open { problems.append("window \(id) is not open but holds \(current)") }
            }
            if let case_ = counter.reviewing {
                if case .inReview = tickets[case_]?.state, tickets[case_]?.review?.reviewer == id {} else {
                    problems.append("reviewer \(id) holds \(case_) which is \(tickets[case_]?.state.name ?? "unknown") or taken by another")
                }
            }
        }
        if WaitingIndex(line: waiting, tickets: tickets) != waitingIndex { problems.append("the waiting index does not match the line") }
        for i in waiting.indices.dropFirst() {
            if let a = tickets[waiting[i - 1]], let b = tickets[waiting[i]], !Ticket.linesUpBefore(a, b) {
                problems.append("line out of order at \(waiting[i])")
            }
        }
        return problems
    }
}
