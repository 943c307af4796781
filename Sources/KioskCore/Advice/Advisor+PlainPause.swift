import Foundation

extension Advisor {
    /// Breaks no longer than this share of the hall's learned breaks are its usual breaks.
    static let usualBreakQuantile = 0.9
    /// The usual break of a hall that has learned none yet (the estimator's prior break).
    static let priorUsualBreak: TimeInterval = 1200

    /// The longest usual break (seconds): the `usualBreakQuantile` of the learned break lengths.
    static func usualBreak(_ breaks: SampleWindow) -> TimeInterval {
        guard !breaks.isEmpty else { return priorUsualBreak }
        let sorted = breaks.values.sorted()
        return sorted[Int((usualBreakQuantile * Double(sorted.count - 1)).rounded(.up))]
    }

    /// `state` as the advisor weighs it: a window paused with no back-at time is taken as back
    /// no sooner than one usual break from now (paused until then); a pause with a back-at time
    /// keeps it.
    ///
    /// Why: a plain pause says nothing of how long the clerk is away. The projection (the
    /// citizens' printed estimates, left as they are) brings the window back after the rest of
    /// a learned break, which a long absence is not: weighed that way, "as is" looked ~20
    /// minutes shorter than it turned out and resuming or covering the window looked worth
    /// little (scripts/advice-eval.py, plain pause). Only pauses that had already outlasted the
    /// usual break were tried first: at the moment a supervisor asks, an absence is most often
    /// still within the usual break's length, and nothing changed. Taking the window as away
    /// over the whole horizon over-valued every move instead (projected cuts of an hour where
    /// the day showed ten minutes).
    func weighingPlainPauses(_ state: HallState, at now: Date) -> HallState {
        let back = now.addingTimeInterval(Self.usualBreak(estimator.statistics.breaks))
        var weighed = state
        for (id, live) in state.counters {
            guard case let .paused(since, nil) = live.availability else { continue }
            weighed.counters[id]?.availability = .paused(since: since, until: back)
        }
        return weighed
    }
}
