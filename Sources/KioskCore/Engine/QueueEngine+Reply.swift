import Foundation

/// What a citizen's SMS reply asks of the queue: "1" (on my way) and "2" (I give up).
extension QueueEngine {
    /// Marks a live ticket acknowledged; once per ticket.
    func acknowledge(ticket number: TicketNumber, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try existing(number, in: state)
        switch ticket.state {
        case .waiting, .called, .parked:
            guard !ticket.acknowledged else { throw .invalidTransition(ticket: number, state: "acknowledged", action: "acknowledge") }
            return .acknowledged(ticket: number)
        default:
            throw .invalidTransition(ticket: number, state: ticket.state.name, action: "acknowledge")
        }
    }

    /// The citizen gives the ticket up. Unlike the kiosk's cancel, a called ticket may go too:
    /// the citizen says they are not coming, so the window need not wait out the recalls.
    func withdraw(ticket number: TicketNumber, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        let ticket = try existing(number, in: state)
        switch ticket.state {
        case .waiting, .called, .parked: return .cancelled(ticket: number)
        default: throw .invalidTransition(ticket: number, state: ticket.state.name, action: "withdraw")
        }
    }
}
