import Foundation
import KioskCore

extension LocalHall {
    /// Previous business days the estimator learns from, as the daemon's (`Hall.historyDays`).
    static let estimatorHistoryDays = 5

    /// The staffing advice for the hall as its journal had it at `now`: `now`'s day folded up to
    /// `now` (later events ignored, timed rules run up to it), and the estimator warm-started as
    /// the daemon's is (the previous business days, then that day up to `now`). Reads only.
    public func advice(at now: Date) throws -> StaffingAdviceList {
        let day = engine.calendar.businessDate(of: now)
        let events = try journal.events(on: day).map(\.event).filter { $0.at <= now }
        let state = try todaysState(events, on: day)
        var estimator = WaitEstimator(config: engine.config)
        for earlier in try journal.businessDates(before: day, limit: Self.estimatorHistoryDays).reversed() {
            for item in try journal.events(on: earlier) { estimator.fold(item.event) }
            estimator.closeDay()
        }
        for event in events { estimator.fold(event) }
        return Advisor(engine: engine, estimator: estimator).advise(state, at: now)
    }
}
