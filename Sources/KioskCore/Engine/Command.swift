import Foundation

/// What someone in the hall asks the engine to do. Commands are requests: the engine may
/// refuse one with a `QueueError`, and then nothing changes.
public enum Command: Sendable, Equatable {
    /// A citizen takes a ticket. `override` names a supervisor who issues past a capacity rule
    /// (closed service, quota, outside hours); it is recorded in the event.
    case issue(service: ServiceCode, priority: Bool, contact: Bool = false, override: String? = nil)
    /// The window calls the next ticket by the hall's call rule.
    case callNext(counter: CounterID)
    /// A supervisor calls a specific waiting ticket out of order (audited).
    case callTicket(counter: CounterID, ticket: TicketNumber, by: String)
    case recall(counter: CounterID)
    /// The citizen arrived at the window: service begins.
    case start(counter: CounterID)
    case finish(counter: CounterID)
    /// The called citizen did not come.
    case noShow(counter: CounterID)
    /// A ticket set aside unanswered at `counter` (`escalated`, still not acknowledged) is
    /// given up as a no-show in one step, without calling it back first; the window may be busy.
    case noShowAwaiting(counter: CounterID, ticket: TicketNumber)
    /// The ticket at the window goes back in line for another service, keeping its number.
    case transfer(counter: CounterID, to: ServiceCode)
    /// The window holds its ticket aside (e.g. a document is missing) and is free again.
    case park(counter: CounterID)
    /// The window calls back a ticket it parked.
    case unpark(counter: CounterID, ticket: TicketNumber)
    /// The citizen gave up a waiting or parked ticket.
    case cancel(ticket: TicketNumber)
    /// A citizen's SMS reply about `ticket`: journaled, then acted on ("1" acknowledges unless it
    /// was already, "2" withdraws, anything else changes nothing).
    case reply(ticket: TicketNumber, answer: CitizenReply)
    /// The citizen answered "1" by SMS: they have seen the message and are on their way.
    case acknowledge(ticket: TicketNumber)
    /// The citizen answered "2" by SMS: they give up the ticket, even while it is called
    /// (the window is free again at once).
    case withdraw(ticket: TicketNumber)
    /// 即审: the window hands the case it is serving to review, with an optional note.
    case handToReview(counter: CounterID, note: String?)
    /// A reviewer's window takes the oldest case waiting for it.
    case takeReview(reviewer: CounterID)
    /// The reviewer approves the case it holds: the citizen is called back for the result.
    case approveReview(reviewer: CounterID)
    /// The reviewer returns the case it holds with what is missing.
    case returnReview(reviewer: CounterID, reason: String)
    /// A supervisor puts a recent no-show back in line (audited).
    case reactivate(ticket: TicketNumber, by: String)
    /// Staff away, optionally with the time they will be back.
    case pause(counter: CounterID, until: Date? = nil)
    case resume(counter: CounterID)
    case closeCounter(counter: CounterID)
    case openCounter(counter: CounterID)
    /// `counter` takes over `covered`'s services too, in one step (AB roles).
    case cover(counter: CounterID, covered: CounterID, by: String)
    /// Ends `counter`'s cover of `covered`, or of every window it covers when nil.
    case uncover(counter: CounterID, covered: CounterID? = nil, by: String)
    case closeService(service: ServiceCode, by: String)
    case reopenService(service: ServiceCode, by: String)
    /// The citizen at `counter` rates its last finished ticket, 1…5 (好差评).
    case rate(counter: CounterID, score: Int, reason: String?)
    /// The citizen rates their own finished ticket from its page (the page's key proved whose
    /// it is), any time until the business day ends; recorded as the same `rated` event, for
    /// the window that finished it.
    case rateTicket(ticket: TicketNumber, score: Int, reason: String?)
    /// A supervisor closes the follow-up of a 差评 given on `ratedOn` for `ticket`. Whether it is
    /// open is the follow-up book's to say (it spans days); the engine only records it.
    case closeFollowUp(ratedOn: BusinessDate, ticket: TicketNumber, note: String, by: String)
    /// Nothing but the passage of time: sessions, recalls, no-shows, pause returns.
    /// A new hall config takes effect now (admin, `PUT /v1/config`), recorded as `version`:
    /// refused (`QueueError.configChangeRefused`) while it would drop a service somebody is
    /// still in, a window holding a ticket, or change what is read only at start. The owner of
    /// the state swaps its engine for the new config's once decided (`adopting`).
    case changeConfig(HallConfig, version: Int64, by: String)
    /// Book an appointment with `code` (6 digits the caller drew; refused as
    /// `appointmentCodeTaken` when the book has it already, so the caller draws again);
    /// `hasContact`: a phone was left for the reminders (kept beside the journal, never in it).
    case bookAppointment(service: ServiceCode, date: BusinessDate, time: ClockTime, code: String, hasContact: Bool = false)
    case cancelAppointment(code: String)
    /// The citizen arrived with the code (ticket machine, `POST /v1/appointments/{code}/check-in`).
    case checkIn(code: String)
    /// Staffing advice shown to a supervisor (journaled as `adviceGiven`, one event each).
    case noteAdvice([AdviceNote])
    case tick
}
