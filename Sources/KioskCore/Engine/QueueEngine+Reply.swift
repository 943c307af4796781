import Foundation

/// What a citizen's SMS reply asks of the queue: "1" (on my way) and "2" (I give up).
extension QueueEngine {
    /// A reply about a live ticket: the reply itself (the figures count it), then its effect.
    func reply(ticket number: TicketNumber, answer: CitizenReply, in state: HallState) throws(QueueError) -> [HallEvent.Kind] {
        let ticket = try existing(number, in: state)
        switch ticket.state {
        case .waiting, .called, .parked: break
        default: throw .invalidTransition(ticket: number, state: ticket.state.name, action: "reply")
        }
        var kinds: [HallEvent.Kind] = [.replied(ticket: number, answer: answer)]
        switch answer {
        case .acknowledge: if !ticket.acknowledged { kinds.append(.acknowledged(ticket: number)) }
        case .cancel: kinds.append(.cancelled(ticket: number))
        case .other: break
        }
        return kinds
    }

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
