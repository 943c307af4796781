import Foundation

/// The hall's rules as a pure state machine: `apply` turns a command into the events it causes
/// (or a `QueueError`, changing nothing); `fold` applies an event to the state.
///
/// It never reads a clock, a file or the network: `now` comes in as an argument, so every rule
/// is testable step by step. Timed rules (sessions, automatic recalls and no-shows, a paused
/// window's return) run first in every `apply`, stamped with the time they fell due; `.tick`
/// runs nothing else.
public struct QueueEngine: Sendable {
    public let config: HallConfig
    public let calendar: HallCalendar

    public init(config: HallConfig) {
        self.config = config
        self.calendar = HallCalendar(timeZone: TimeZone(identifier: config.timeZoneID) ?? TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// A fresh hall with no events folded.
    public func initialState() -> HallState {
        HallState(config: config)
    }

    /// The state after folding `events` into a fresh hall: how start-up rebuilds the day.
    public func replay(_ events: [HallEvent]) -> HallState {
        var state = initialState()
        for event in events { fold(event, into: &state) }
        return state
    }

    /// Decides what `command` at `now` causes. Returns the events to commit, in order; the
    /// caller folds them (and persists them first). Throws and changes nothing if refused.
    public func apply(_ command: Command, to state: HallState, at now: Date) throws(QueueError) -> [HallEvent] {
        var scratch = state
        var events = advance(&scratch, to: now)
        let at = max(now, scratch.lastEventAt ?? now)
        let decided = try decide(command, in: scratch, at: at)
        events += decided.map { HallEvent(at: at, $0) }
        return events
    }

    /// Applies and folds in one step, for callers that hold the state themselves (tests, replay).
    @discardableResult
    public func execute(_ command: Command, on state: inout HallState, at now: Date) throws(QueueError) -> [HallEvent] {
        let events = try apply(command, to: state, at: now)
        for event in events { fold(event, into: &state) }
        return events
    }

    private func decide(_ command: Command, in state: HallState, at now: Date) throws(QueueError) -> [HallEvent.Kind] {
        switch command {
        case let .issue(service, priority, contact, override):
            return [try issue(service: service, priority: priority, contact: contact, override: override, in: state, at: now)]
        case let .callNext(counter):
            return [try callNext(counter: counter, in: state, at: now)]
        case let .callTicket(counter, ticket, by):
            return [try callTicket(counter: counter, ticket: ticket, by: by, in: state)]
        case let .recall(counter):
            return [try recall(counter: counter, in: state)]
        case let .start(counter):
            return [try start(counter: counter, in: state)]
        case let .finish(counter):
            return [try finish(counter: counter, in: state)]
        case let .noShow(counter):
            return [try noShow(counter: counter, in: state)]
        case let .noShowAwaiting(counter, ticket):
            return [try noShowAwaiting(counter: counter, ticket: ticket, in: state)]
        case let .transfer(counter, to):
            return [try transfer(counter: counter, to: to, in: state)]
        case let .park(counter):
            return [try park(counter: counter, in: state)]
        case let .unpark(counter, ticket):
            return [try unpark(counter: counter, ticket: ticket, in: state)]
        case let .cancel(ticket):
            return [try cancel(ticket: ticket, in: state)]
        case let .reply(ticket, answer):
            return try reply(ticket: ticket, answer: answer, in: state)
        case let .acknowledge(ticket):
            return [try acknowledge(ticket: ticket, in: state)]
        case let .withdraw(ticket):
            return [try withdraw(ticket: ticket, in: state)]
        case let .handToReview(counter, note):
            return [try handToReview(counter: counter, note: note, in: state)]
        case let .takeReview(reviewer):
            return [try takeReview(reviewer: reviewer, in: state)]
        case let .approveReview(reviewer):
            return [try decideReview(reviewer: reviewer, returning: nil, in: state)]
        case let .returnReview(reviewer, reason):
            return [try decideReview(reviewer: reviewer, returning: reason, in: state)]
        case let .reactivate(ticket, by):
            return [try reactivate(ticket: ticket, by: by, in: state, at: now)]
        case let .pause(counter, until):
            return [try pause(counter: counter, until: until, in: state, at: now)]
        case let .resume(counter):
            return [try resume(counter: counter, in: state)]
        case let .closeCounter(counter):
            return [try closeCounter(counter: counter, in: state)]
        case let .openCounter(counter):
            return [try openCounter(counter: counter, in: state)]
        case let .cover(counter, covered, by):
            return [try cover(counter: counter, covered: covered, by: by, in: state)]
        case let .uncover(counter, covered, by):
            return try uncover(counter: counter, covered: covered, by: by, in: state)
        case let .closeService(service, by):
            return [try closeService(service, by: by, in: state)]
        case let .reopenService(service, by):
            return [try reopenService(service, by: by, in: state)]
        case let .rate(counter, score, reason):
            return [try rate(counter: counter, score: score, reason: reason, in: state, at: now)]
        case let .rateTicket(ticket, score, reason):
            return [try rate(ticket: ticket, score: score, reason: reason, in: state)]
        case let .closeFollowUp(ratedOn, ticket, note, by):
            return [.followUpClosed(ratedOn: ratedOn, ticket: ticket, note: note, audit: by)]
        case let .changeConfig(config, version, by):
            if let refusal = liveChangeRefusal(to: config, in: state) { throw .configChangeRefused(refusal) }
            return [.configChanged(version: version, audit: by)]
        case let .bookAppointment(service, date, time, code, hasContact):
            return [try book(service: service, date: date, time: time, code: code, hasContact: hasContact, in: state, at: now)]
        case let .cancelAppointment(code):
            return [try cancelAppointment(code, in: state)]
        case let .checkIn(code):
            return try checkIn(code, in: state, at: now)
        case let .noteAdvice(notes):
            return notes.map { .adviceGiven($0) }
        case .tick:
            return []
        }
    }
}
