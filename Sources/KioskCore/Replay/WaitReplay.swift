import Foundation

/// `kiosk replay`'s loop: runs the live wait estimator over a recorded day, strictly in event
/// order, and hands out the wait-eval harness's lines (one prediction per issued ticket, and
/// optionally the updates stream the harness's notifier reads). Causal: each line uses only
/// the trace's config and the events before it. Pure: the caller writes the lines.
public struct WaitReplay: Sendable {
    public var estimator: WaitEstimator.Options
    /// The daemon's SMS settings whose heads-up rule the updates stream follows
    /// (`SMSSettings.headsUpDue`: the hold after printing, nobody ahead).
    public var notifier: SMSSettings
    /// The threshold of the harness's notifier: it sends when the reported remaining wait is
    /// at most this many seconds, so the countdown reaches it at the daemon's heads-up moment.
    public var notifierThreshold: TimeInterval
    /// Also re-estimate every this many seconds between events, as the daemon's heads-up pass
    /// does (0: only after events).
    public var updateEvery: TimeInterval
    /// What-if: print each ticket's estimate from a projection of its own once it is in line
    /// (the daemon before the shared projection) instead of the shared projection plus it.
    public var printsOwnProjection = false

    public init(
        estimator: WaitEstimator.Options = .init(), notifier: SMSSettings = .init(),
        notifierThreshold: TimeInterval = 600, updateEvery: TimeInterval = 5
    ) {
        self.estimator = estimator
        self.notifier = notifier
        self.notifierThreshold = notifierThreshold
        self.updateEvery = updateEvery
    }

    /// Replays `day` after learning from `history` (oldest first). `prediction` gets one JSON
    /// line per issued ticket; `update`, when given, the updates stream's lines.
    public func run(
        _ day: TraceDay, history: [TraceDay] = [],
        prediction: (String) -> Void, update: ((String) -> Void)? = nil
    ) {
        var estimator = WaitEstimator(config: day.config, options: self.estimator)
        for previous in history {
            for event in previous.events { estimator.fold(event) }
            estimator.closeDay()
        }
        let engine = QueueEngine(config: day.config)
        let codec = TraceCodec(calendar: engine.calendar, date: day.date)
        var state = engine.initialState()
        var lastUpdate = -Double.infinity
        // The replay projects the line back to back (every update step, every issue): one set
        // of working arrays serves them all instead of fresh megabytes each time.
        var buffers = ProjectionBuffers()

        func refresh(at t: Double) {
            guard let update else { return }
            lastUpdate = t
            let ahead = state.peopleAheadInService()
            // The daemon's heads-up pass reads the shared projection: so does the replay.
            for var e in estimator.projection(of: state, at: codec.instant(secondsOfDay: t), buffers: &buffers).estimates {
                if let issued = state.tickets[e.ticket]?.issuedAt,
                   let due = notifier.headsUpDue(issuedAt: issued, ahead: ahead[e.ticket] ?? 0, headsUpAt: e.headsUpAt) {
                    e.headsUpAt = due
                }
                update(Self.updateLine(e, t: t, threshold: notifierThreshold))
            }
        }
        for (i, event) in day.events.enumerated() {
            // Time passing changes the estimate too (a long service, a long break): the daemon
            // re-estimates every 5 s for its heads-up pass, and so does the replay.
            let t = codec.secondsOfDay(event.at)
            if update != nil, updateEvery > 0, lastUpdate.isFinite, !state.waiting.isEmpty {
                var g = lastUpdate + updateEvery
                while g < t {
                    refresh(at: g)
                    g += updateEvery
                }
            }
            // The printed estimate as the daemon makes it: the shared projection of the line as
            // the last event left it, plus the new ticket (projected at its issue: the daemon's
            // projector follows every change).
            let issued = if case .issued = event.kind { true } else { false }
            let shared: LineProjection? = issued && !printsOwnProjection ? estimator.projection(of: state, at: event.at, buffers: &buffers) : nil
            // The simulator decided these calls; fold them as facts rather than re-deciding.
            engine.fold(event, into: &state)
            estimator.fold(event)
            if issued, let number = event.issuedTicket, let ticket = state.tickets[number] {
                let e = if let shared {
                    shared.estimate(joining: ticket, extraAhead: 0, ahead: state.peopleAhead(of: number) ?? 0, at: event.at)
                } else {
                    estimator.estimate(for: number, in: state, at: event.at)
                }
                if let e { prediction(Self.predictionLine(e, t: t, headsUpT: codec.secondsOfDay(e.headsUpAt))) }
            }
            guard update != nil, !state.waiting.isEmpty else { continue }
            switch event.kind {
            case .sessionOpened, .sessionClosed, .dayStarted: continue
            default: break
            }
            // Re-estimate once per instant, after every event stamped with it.
            if i + 1 < day.events.count, day.events[i + 1].at == event.at { continue }
            refresh(at: t)
        }
    }

    /// `{"ticket","t","predicted_wait_s","range_s","heads_up_t","why"}`: the harness's prediction.
    static func predictionLine(_ e: WaitEstimate, t: Double, headsUpT: Double) -> String {
        JSONValue.object([
            ("ticket", .string(e.ticket)), ("t", .number(tenth(t))), ("predicted_wait_s", .number(e.wait)),
            ("range_s", .array([.number(e.low), .number(e.high)])),
            ("heads_up_t", .number(tenth(headsUpT))),
            ("why", .string(e.explanation.chinese)),
        ]).serialized()
    }

    /// `{"t","ticket","predicted_remaining_s","wait_s"}`: a countdown that reaches `threshold`
    /// at the estimate's heads-up moment.
    static func updateLine(_ e: WaitEstimate, t: Double, threshold: TimeInterval) -> String {
        "{\"t\":\(tenth(t)),\"ticket\":\(JSONValue.string(e.ticket).serialized()),"
            + "\"predicted_remaining_s\":\(tenth(e.headsUpRemaining(threshold: threshold))),"
            + "\"wait_s\":\(e.wait)}"
    }

    static func tenth(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
