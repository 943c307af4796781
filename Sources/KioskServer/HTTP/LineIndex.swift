import KioskCore

/// The line counted once for a view of the whole hall: waiting tickets per service, parked
/// tickets and cases in review per window, so forty windows and twenty services cost one pass
/// over the tickets, not one each.
struct LineIndex {
    var waiting: [ServiceCode: Int] = [:]
    var parked: [CounterID: [Ticket]] = [:]
    /// Tickets each window handed to review and not yet called back (in review or reviewed),
    /// oldest hand-off first: `HallState.casesInReview(handedBy:)` for every window at once.
    var inReview: [CounterID: [Ticket]] = [:]

    init(_ state: HallState) {
        for number in state.waiting {
            if let service = state.tickets[number]?.service { waiting[service, default: 0] += 1 }
        }
        for ticket in state.tickets.values {
            switch ticket.state {
            case let .parked(counter, _): parked[counter, default: []].append(ticket)
            case .inReview, .reviewed: if let by = ticket.review?.handedBy { inReview[by, default: []].append(ticket) }
            default: break
            }
        }
        for (counter, cases) in inReview {
            inReview[counter] = cases.sorted { ($0.review!.handedAt, $0.sequence) < ($1.review!.handedAt, $1.sequence) }
        }
    }
}
