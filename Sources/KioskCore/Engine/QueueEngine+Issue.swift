import Foundation

extension QueueEngine {
    func issue(
        service code: ServiceCode, priority: Bool, contact: Bool, override: String?, in state: HallState, at now: Date
    ) throws(QueueError) -> HallEvent.Kind {
        guard let service = config.service(code) else { throw .unknownService(code) }
        if override == nil {
            if state.closedServices.contains(code) { throw .serviceClosed(code) }
            let secondsOfDay = calendar.secondsOfDay(now)
            let hours = service.hours ?? config.sessions
            let inHours = hours.contains { $0.contains(secondsOfDay: secondsOfDay) }
            if state.openSession == nil || !inHours {
                let next = hours.first { $0.start.seconds > secondsOfDay }?.start
                throw .outsideHours(service: code, opensAt: next)
            }
            if let quota = service.dailyQuota, state.issuedCount[code, default: 0] >= quota {
                throw .quotaReached(service: code, quota: quota)
            }
        }
        let next = (state.lastNumber[code] ?? config.numbering.first - 1) + 1
        guard next <= config.numbering.last else {
            throw .numbersExhausted(service: code, last: config.numbering.last)
        }
        return .issued(ticket: Self.number(service: code, n: next), service: code, priority: priority, contact: contact, audit: override)
    }

    /// `A` and 7 → `A007`.
    static func number(service: ServiceCode, n: Int) -> TicketNumber {
        let digits = String(n)
        return service + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    func cancel(ticket number: TicketNumber, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try existing(number, in: state)
        switch ticket.state {
        case .waiting, .parked: return .cancelled(ticket: number)
        default: throw .invalidTransition(ticket: number, state: ticket.state.name, action: "cancel")
        }
    }

    func existing(_ number: TicketNumber, in state: HallState) throws(QueueError) -> Ticket {
        guard let ticket = state.tickets[number] else { throw .unknownTicket(number) }
        return ticket
    }
}
