import Foundation

/// Something that happened in the hall, as committed to the journal. Events are facts:
/// `QueueEngine.fold` applies any of them without checks; `apply` decides which happen.
///
/// Each kind maps to one trace-format v1 line (`Trace/TraceCodec.swift`); kinds the trace format
/// does not define use extra `ev` names that the wait-eval tools ignore.
public struct HallEvent: Sendable, Equatable {
    public var at: Date
    public var kind: Kind

    /// `at` (and a pause's `until`) is kept to the whole millisecond, the journal's and the
    /// trace's resolution, so an event read back from either is equal to the one that was written.
    public init(at: Date, _ kind: Kind) {
        self.at = at.wholeMilliseconds
        if case let .paused(counter, until?) = kind {
            self.kind = .paused(counter: counter, until: until.wholeMilliseconds)
        } else {
            self.kind = kind
        }
    }

    public enum Kind: Sendable, Equatable {
        /// The first event of a business date: numbering and the queue start afresh.
        case dayStarted(BusinessDate)
        case sessionOpened(Int)
        case sessionClosed(Int)
        /// `audit` names who issued it past a capacity rule (a supervisor), nil for a normal issue.
        case issued(ticket: TicketNumber, service: ServiceCode, priority: Bool, contact: Bool, audit: String?)
        /// A first call. `audit` is set when a supervisor called this ticket out of order.
        case called(ticket: TicketNumber, counter: CounterID, audit: String?)
        /// Called again; `n` = 1 … max recalls.
        case recalled(ticket: TicketNumber, counter: CounterID, n: Int)
        case noShow(ticket: TicketNumber, counter: CounterID, automatic: Bool)
        case started(ticket: TicketNumber, counter: CounterID)
        case finished(ticket: TicketNumber, counter: CounterID)
        /// Back in line for `to`, keeping its number and its place by issue time.
        case transferred(ticket: TicketNumber, counter: CounterID, from: ServiceCode, to: ServiceCode)
        case parked(ticket: TicketNumber, counter: CounterID)
        /// A parked ticket called back to the window that held it.
        case unparked(ticket: TicketNumber, counter: CounterID)
        case cancelled(ticket: TicketNumber)
        /// The citizen (or their caretaker) answered by SMS (no text kept, only how it was read);
        /// what it does follows in the same command (`acknowledged`, `cancelled`).
        case replied(ticket: TicketNumber, answer: CitizenReply)
        /// The citizen (or their caretaker) answered a message with `1`: on their way.
        case acknowledged(ticket: TicketNumber)
        /// A priority ticket's call went unanswered for `reply.escalate_after_s`: set aside at
        /// `counter`, awaiting the citizen (like a parked ticket), instead of an automatic no-show.
        case escalated(ticket: TicketNumber, counter: CounterID)
        /// 即审: the window serving the ticket hands its case to review; the window is free, the
        /// citizen keeps the number and waits.
        case handedToReview(ticket: TicketNumber, counter: CounterID, note: String?)
        /// A reviewer's window takes the oldest case waiting for it.
        case reviewTaken(ticket: TicketNumber, reviewer: CounterID)
        case reviewApproved(ticket: TicketNumber, reviewer: CounterID)
        /// Returned with what is missing: told to the clerk and the citizen at the call back.
        case reviewReturned(ticket: TicketNumber, reviewer: CounterID, reason: String)
        /// A reviewed ticket called back (to the window that handed it over, or, that one closed,
        /// to another window of its service): a call like any, ahead of the line.
        case calledBack(ticket: TicketNumber, counter: CounterID)
        /// A no-show put back in line by a supervisor.
        case reactivated(ticket: TicketNumber, audit: String)
        case paused(counter: CounterID, until: Date?)
        case resumed(counter: CounterID)
        case counterClosed(counter: CounterID)
        case counterOpened(counter: CounterID)
        /// `counter` also serves `covered`'s services (AB roles) until the cover ends.
        case coverStarted(counter: CounterID, covered: CounterID, audit: String)
        case coverEnded(counter: CounterID, covered: CounterID, audit: String)
        case serviceClosed(service: ServiceCode, audit: String)
        case serviceReopened(service: ServiceCode, audit: String)
        /// The citizen rated the service of a ticket just finished at `counter` (好差评),
        /// 1 非常不满意 … 5 非常满意; `service` is the ticket's service when it was finished.
        case rated(ticket: TicketNumber, counter: CounterID, service: ServiceCode, score: Int, reason: String?)
        /// A supervisor closed the follow-up of a 差评 given on `ratedOn` for `ticket` (an earlier
        /// day's number, so not `ticket` of this event's own day).
        case followUpClosed(ratedOn: BusinessDate, ticket: TicketNumber, note: String, audit: String)
        /// A new hall config took effect without a restart (`PUT /v1/config`): from this event
        /// on, the hall runs on the config the journal recorded as `version` (its `hall_config`
        /// row). The fold changes nothing itself: whoever folds swaps the engine for that
        /// config and lets it adopt the state (`QueueEngine.adopting`, `HallReplay`).
        case configChanged(version: Int64, audit: String)
        /// An appointment (预约) was booked for `service` at `time` on `date` (perhaps days
        /// ahead: the appointment book folds these from the days before too).
        case appointmentBooked(code: String, service: ServiceCode, date: BusinessDate, time: ClockTime, hasContact: Bool = false)
        case appointmentCancelled(code: String, date: BusinessDate)
        /// The citizen checked in with the code and `ticket` was issued (the `issued` event just
        /// before): with `slot` it is an appointment ticket due at that time; without, a late
        /// arrival's ordinary walk-in ticket.
        case appointmentCheckedIn(code: String, date: BusinessDate, ticket: TicketNumber, slot: ClockTime?)
        /// Nobody checked in by `late_min` after the slot: a no-show, its place freed.
        case appointmentReleased(code: String, date: BusinessDate)
        /// A staffing advice shown to a supervisor for the first time while it stands (issue 18):
        /// the move (`StaffingMove.id`) and the projection's figures before and after it. The
        /// report counts it given, and taken when the supervisor's command that makes the move
        /// follows (`AdviceLedger`). Changes nothing in the hall.
        case adviceGiven(AdviceNote)
    }

    /// The ticket the event is about, if any.
    public var ticket: TicketNumber? {
        switch kind {
        case let .issued(t, _, _, _, _), let .called(t, _, _), let .recalled(t, _, _), let .noShow(t, _, _),
             let .started(t, _), let .finished(t, _), let .transferred(t, _, _, _), let .parked(t, _),
             let .unparked(t, _), let .cancelled(t), let .replied(t, _), let .acknowledged(t), let .escalated(t, _), let .reactivated(t, _), let .rated(t, _, _, _, _),
             let .handedToReview(t, _, _), let .reviewTaken(t, _), let .reviewApproved(t, _), let .reviewReturned(t, _, _), let .calledBack(t, _),
             let .appointmentCheckedIn(_, _, t, _):
            return t
        default:
            return nil
        }
    }

    /// The number this event hands out, when it is an issue.
    public var issuedTicket: TicketNumber? {
        if case let .issued(ticket, _, _, _, _) = kind { return ticket }
        return nil
    }

    /// The code this event books, when it is an appointment's booking.
    public var bookedAppointment: String? {
        if case let .appointmentBooked(code, _, _, _, _) = kind { return code }
        return nil
    }
}
