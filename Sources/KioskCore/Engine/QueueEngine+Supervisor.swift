import Foundation

/// What a supervisor does: AB-role covers, second chances, stopping and reopening services.
/// Each of these events names who did it.
extension QueueEngine {
    func cover(counter id: CounterID, covered: CounterID, by: String, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let counter = try window(id, in: state)
        _ = try window(covered, in: state)
        guard id != covered else { throw .cannotCoverItself(id) }
        guard !counter.covering.contains(covered) else { throw .alreadyCovering(counter: id, covered: covered) }
        return .coverStarted(counter: id, covered: covered, audit: by)
    }

    func uncover(counter id: CounterID, covered: CounterID?, by: String, in state: HallState) throws(QueueError) -> [HallEvent.Kind] {
        let counter = try window(id, in: state)
        let ending = covered.map { [$0] } ?? counter.covering
        guard !ending.isEmpty, ending.allSatisfy(counter.covering.contains) else {
            throw .notCovering(counter: id, covered: covered)
        }
        return ending.map { .coverEnded(counter: id, covered: $0, audit: by) }
    }

    func reactivate(ticket number: TicketNumber, by: String, in state: HallState, at now: Date) throws(QueueError) -> HallEvent.Kind {
        let ticket = try existing(number, in: state)
        guard case let .noShow(at) = ticket.state else {
            throw .invalidTransition(ticket: number, state: ticket.state.name, action: "reactivate")
        }
        guard now.timeIntervalSince(at) <= Double(config.noShowReactivationMinutes) * 60 else {
            throw .reactivationWindowPassed(ticket: number, minutes: config.noShowReactivationMinutes)
        }
        // Its service may have been removed since (a live config change): no window would call it.
        guard config.service(ticket.service) != nil else { throw .unknownService(ticket.service) }
        return .reactivated(ticket: number, audit: by)
    }

    func closeService(_ code: ServiceCode, by: String, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        guard config.service(code) != nil else { throw .unknownService(code) }
        guard !state.closedServices.contains(code) else { throw .serviceClosed(code) }
        return .serviceClosed(service: code, audit: by)
    }

    func reopenService(_ code: ServiceCode, by: String, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        guard config.service(code) != nil else { throw .unknownService(code) }
        guard state.closedServices.contains(code) else { throw .serviceNotClosed(code) }
        return .serviceReopened(service: code, audit: by)
    }
}
