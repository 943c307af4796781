import Foundation

/// Which staffing move would shorten the line now: each obvious move (resume a paused window,
/// open a closed one, a cover, the end of a cover, a service a window may take on) is tried as
/// a what-if — the estimator's projection of a copy of the hall with that one change — against
/// the projection of the hall as it is, and kept when it cuts the longest projected wait (or
/// the citizens projected past their target) by enough to be worth a supervisor's attention.
///
/// Before and after share their random draws: the projection seeds its generator from the
/// day's issue count only, which no move changes (the draws then differ only where the move
/// changes what the windows do).
///
/// Every move is the engine's own command applied to the copy (or, for a service added to a
/// window, the config change a supervisor would apply), so a move the hall's rules refuse is
/// never advised; hours are respected (a closed window is opened only inside the sessions) and
/// no window is given a service its config does not let it take on (`may_serve`).
///
/// Pure: no clock, no I/O. Costs one projection per move tried (at most `maximumWhatIfs`):
/// run it on demand, never on a command's path.
public struct Advisor: Sendable {
    /// A move is worth advising when it cuts the longest wait by this many minutes, or the
    /// minutes past target by this many while putting at least one citizen back within target.
    public var minimumCut = 5
    /// Advice shown at once, best first.
    public var maximumAdvice = 3
    /// What-ifs tried at most (each is a projection of the whole line).
    public var maximumWhatIfs = 24
    /// Windows tried as the cover of one absent window (the least loaded first).
    public var coversPerAbsentWindow = 3
    /// Who a what-if's audited command names (it is never committed).
    static let audit = "advice"

    public let engine: QueueEngine
    public let estimator: WaitEstimator

    public init(engine: QueueEngine, estimator: WaitEstimator) {
        self.engine = engine
        // Every what-if is a full projection of the line: use the printed estimate's replicates,
        // so that before and after are each as steady as one ticket's printed figure.
        var estimator = estimator
        estimator.options.refreshReplicates = estimator.options.replicates
        self.estimator = estimator
    }

    /// The advice for `state` at `now` (its timed rules run up to `now` first; a window paused
    /// with no back-at time taken as away for one usual break more: `weighingPlainPauses`),
    /// best first; an empty list when no move helps enough.
    public func advise(_ state: HallState, at now: Date) -> StaffingAdviceList {
        var hall = state
        _ = try? engine.execute(.tick, on: &hall, at: now)
        hall = weighingPlainPauses(hall, at: now)
        let date = hall.date ?? engine.calendar.businessDate(of: now)
        let before = outlook(of: hall, estimator: estimator, at: now)
        guard !hall.waiting.isEmpty else { return StaffingAdviceList(at: now, date: date, before: before, advice: []) }
        var found: [StaffingAdvice] = []
        for move in candidates(in: hall, at: now).prefix(maximumWhatIfs) {
            guard let after = whatIf(move, on: hall, at: now) else { continue }
            let advice = StaffingAdvice(move: move, before: before, after: after)
            if helps(advice) { found.append(advice) }
        }
        found.sort(by: Self.better)
        // Alternatives, not variants: one cover of each absent window and one window for each
        // service to add (the best), so three windows able to cover one do not crowd out "resume".
        var seen: Set<String> = []
        found = found.filter { advice in
            let move = advice.move
            switch move.kind {
            case .cover: return seen.insert("cover:\(move.fromWindow ?? "")").inserted
            case .addService: return seen.insert("add_service:\(move.service ?? "")").inserted
            default: return true
            }
        }
        return StaffingAdviceList(at: now, date: date, before: before, advice: Array(found.prefix(maximumAdvice)))
    }

    /// The projection of `state` with `move` made (nil when the hall's rules refuse it).
    func whatIf(_ move: StaffingMove, on state: HallState, at now: Date) -> LineOutlook? {
        if let command = move.command(by: Self.audit) {
            var copy = state
            do {
                try engine.execute(command, on: &copy, at: now)
            } catch {
                return nil
            }
            return outlook(of: copy, estimator: estimator, at: now)
        }
        guard let config = move.config(from: engine.config) else { return nil }
        var changed = estimator
        changed.adopt(config)
        return outlook(of: QueueEngine(config: config).adopting(state), estimator: changed, at: now)
    }

    func outlook(of state: HallState, estimator: WaitEstimator, at now: Date) -> LineOutlook {
        LineOutlook(estimates: estimator.estimates(in: state, at: now), state: state, targets: engine.config.targets, at: now)
    }

    /// Worth a supervisor's attention: the hall is behind (someone is projected past their
    /// target: a line within its targets needs no move), the move is worse on neither figure,
    /// and it cuts by at least `minimumCut` minutes the longest wait, or the minutes past target
    /// while putting a citizen back within it, or the minutes past target of the average citizen
    /// past it. The last is for a hall so far behind that every waiting citizen stays past target
    /// and the longest wait is the projection's horizon whatever is done: there a window that
    /// alone serves a line still makes a difference the first two cannot show.
    func helps(_ advice: StaffingAdvice) -> Bool {
        let before = advice.before, after = advice.after
        guard before.pastTarget > 0 else { return false }
        guard after.longestWaitMinutes <= before.longestWaitMinutes, after.pastTarget <= before.pastTarget else { return false }
        let minutesCut = before.minutesPastTarget - after.minutesPastTarget
        return advice.longestCut >= minimumCut
            || (advice.pastTargetCut >= 1 && minutesCut >= minimumCut)
            || minutesCut >= minimumCut * before.pastTarget
    }

    /// Best first: the larger cut of the longest wait, then of the citizens past target, then of
    /// the minutes past target; then the lighter move (a clerk already there before a colleague
    /// taken off their own line, before a window opened).
    static func better(_ a: StaffingAdvice, _ b: StaffingAdvice) -> Bool {
        let ka = (a.longestCut, a.pastTargetCut, a.before.minutesPastTarget - a.after.minutesPastTarget)
        let kb = (b.longestCut, b.pastTargetCut, b.before.minutesPastTarget - b.after.minutesPastTarget)
        if ka != kb { return ka > kb }
        let order = StaffingMove.Kind.allCases
        let ia = order.firstIndex(of: a.move.kind)!, ib = order.firstIndex(of: b.move.kind)!
        if ia != ib { return ia < ib }
        return a.move.id < b.move.id
    }

    /// The moves worth trying in `state`: only those that can bring a window to a line that has
    /// someone waiting (or end a cover).
    func candidates(in state: HallState, at now: Date) -> [StaffingMove] {
        let config = engine.config
        let rule = CallRule(config: config)
        var waitingBy: [ServiceCode: Int] = [:]
        for ticket in state.waitingTickets { waitingBy[ticket.service, default: 0] += 1 }
        func waits(_ services: [ServiceCode]) -> Bool { services.contains { waitingBy[$0, default: 0] > 0 } }
        let secondOfDay = engine.calendar.secondsOfDay(now)
        let inSession = config.sessions.contains { secondOfDay >= $0.start.seconds && secondOfDay < $0.end.seconds }
        // A hall that lists the services its clerks may take on (`may_serve`) has said who may
        // serve what: a cover then brings a window only services it serves or may serve.
        let listsRoles = config.counters.contains { !$0.mayServe.isEmpty }

        var moves: [StaffingMove] = []
        var covers: [StaffingMove] = []
        for counter in config.counters {
            guard let live = state.counters[counter.id] else { continue }
            switch live.availability {
            case .paused:
                if waits(counter.services) || waits(rule.services(of: counter.id, in: state)) { moves.append(StaffingMove(kind: .resume, window: counter.id)) }
            case .closed:
                if inSession, waits(counter.services) { moves.append(StaffingMove(kind: .open, window: counter.id)) }
            case .open:
                break
            }
            for covered in live.covering { moves.append(StaffingMove(kind: .endCover, window: counter.id, fromWindow: covered)) }
        }
        // Covers of an absent window whose line has someone waiting, by the least loaded windows.
        for absent in config.counters where state.counters[absent.id]?.isOpen == false && waits(absent.services) {
            let load: [(CounterID, Int)] = config.counters.compactMap { counter in
                guard counter.id != absent.id, let live = state.counters[counter.id], live.isOpen, !live.covering.contains(absent.id) else { return nil }
                let serves = rule.services(of: counter.id, in: state)
                // Nothing new for it to call: no help.
                guard absent.services.contains(where: { !serves.contains($0) && waitingBy[$0, default: 0] > 0 }) else { return nil }
                if listsRoles, !absent.services.allSatisfy({ counter.services.contains($0) || counter.mayServe.contains($0) }) { return nil }
                return (counter.id, serves.reduce(0) { $0 + waitingBy[$1, default: 0] })
            }
            for (id, _) in load.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }).prefix(coversPerAbsentWindow) {
                covers.append(StaffingMove(kind: .cover, window: id, fromWindow: absent.id))
            }
        }
        // Services an open window may take on, with someone waiting for them.
        var added: [StaffingMove] = []
        for counter in config.counters where state.counters[counter.id]?.isOpen == true {
            let serves = rule.services(of: counter.id, in: state)
            for service in counter.mayServe where !serves.contains(service) && waitingBy[service, default: 0] > 0 {
                added.append(StaffingMove(kind: .addService, window: counter.id, service: service))
            }
        }
        return moves + covers + added
    }
}
