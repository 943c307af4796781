import Foundation

/// 即审: the window hands a case to review at once, a reviewer decides it, and the citizen,
/// who kept the number, is called back to hear the result.
extension QueueEngine {
    /// The window serving a case hands it over; refused when nobody reviews its service.
    func handToReview(counter id: CounterID, note: String?, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try currentTicket(at: id, in: state)
        guard case .serving = ticket.state else {
            throw .invalidTransition(ticket: ticket.number, state: ticket.state.name, action: "hand to review")
        }
        guard !config.reviewers(of: ticket.service).isEmpty else { throw .noReviewer(ticket.service) }
        return .handedToReview(ticket: ticket.number, counter: id, note: note)
    }

    /// The reviewer takes the case handed over first among those it reviews.
    func takeReview(reviewer id: CounterID, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let counter = try window(id, in: state)
        guard config.isReviewer(id) else { throw .notAReviewer(id) }
        switch counter.availability {
        case .paused: throw .counterPaused(id)
        case .closed: throw .counterClosed(id)
        case .open: break
        }
        if let held = counter.reviewing { throw .reviewerBusy(counter: id, ticket: held) }
        guard let next = reviewQueue(for: id, in: state).first else { throw .noCaseToReview(id) }
        return .reviewTaken(ticket: next.number, reviewer: id)
    }

    /// The reviewer's decision on the case it holds.
    func decideReview(reviewer id: CounterID, returning reason: String?, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let counter = try window(id, in: state)
        guard config.isReviewer(id) else { throw .notAReviewer(id) }
        guard let number = counter.reviewing, let ticket = state.tickets[number], case .inReview = ticket.state else {
            throw .nothingInReview(id)
        }
        if let reason { return .reviewReturned(ticket: number, reviewer: id, reason: reason) }
        return .reviewApproved(ticket: number, reviewer: id)
    }

    /// Cases waiting for reviewer `id` (handed over, not yet taken), oldest hand-off first.
    public func reviewQueue(for id: CounterID, in state: HallState) -> [Ticket] {
        state.tickets.values.filter { ticket in
            guard case .inReview = ticket.state, let review = ticket.review, review.reviewer == nil else { return false }
            return config.reviews(id, ticket.service)
        }.sorted { ($0.review!.handedAt, $0.sequence) < ($1.review!.handedAt, $1.sequence) }
    }

    /// The reviewed ticket a free window calls back before anyone in line: one it handed over
    /// itself, or, when the window that handed it over is closed, one of a service it serves
    /// now. Earliest decision first.
    public func callBack(for id: CounterID, in state: HallState) -> Ticket? {
        let served = CallRule(config: config).services(of: id, in: state)
        return state.tickets.values.filter { ticket in
            guard case .reviewed = ticket.state, let review = ticket.review else { return false }
            if review.handedBy == id { return true }
            let holderClosed = state.counters[review.handedBy]?.availability == .closed || config.counter(review.handedBy) == nil
            return holderClosed && served.contains(ticket.service)
        }.min { (($0.review?.decidedAt ?? .distantPast), $0.sequence) < (($1.review?.decidedAt ?? .distantPast), $1.sequence) }
    }
}
