import KioskCore

/// The line counted once for a view of the whole hall: waiting tickets per service and parked
/// tickets per window, so forty windows and twenty services cost one pass, not one each.
struct LineIndex {
    var waiting: [ServiceCode: Int] = [:]
    var parked: [CounterID: [Ticket]] = [:]

    init(_ state: HallState) {
        for number in state.waiting {
            if let service = state.tickets[number]?.service { waiting[service, default: 0] += 1 }
        }
        for ticket in state.tickets.values {
            if case let .parked(counter, _) = ticket.state { parked[counter, default: []].append(ticket) }
        }
    }
}
