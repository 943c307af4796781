import Foundation
import KioskCore

/// A computed staffing advice, with the staffing it was computed on.
struct AdviceCacheEntry: Sendable {
    /// The windows' availability and covers, and the config: what a move changes.
    var staffing: AdviceStaffing
    var at: Date
    var engine: QueueEngine
    var list: StaffingAdviceList
}

extension Hall {
    /// Seconds a computed advice is reused while the windows are staffed alike: its what-ifs are
    /// a projection of the whole line each, so this bounds what the screens that show it cost
    /// (the console re-reads it after every event, terminals every 2 s). A window resumed,
    /// opened, paused, closed or a cover changed recomputes at once: taken advice goes at once.
    static let adviceMaxAge: TimeInterval = 5

    /// The staffing advice for the hall now, and the rules it was computed under (for names),
    /// computed outside the actor on the last committed snapshot; advice shown for the first
    /// time while it stands is journaled as given (`noteAdviceShown`). A journal that cannot
    /// commit loses that record, not the advice: the supervisor still sees it.
    public nonisolated func currentAdvice() async -> (list: StaffingAdviceList, engine: QueueEngine) {
        let snapshot = published.current
        let now = now()
        let staffing = AdviceStaffing(snapshot.state, config: snapshot.engine.config)
        if let cached = adviceCache.withLock({ $0 }), cached.staffing == staffing, cached.at <= now,
           now.timeIntervalSince(cached.at) < Self.adviceMaxAge {
            return (cached.list, cached.engine)
        }
        let list = Advisor(engine: snapshot.engine, estimator: snapshot.estimator).advise(snapshot.state, at: now)
        adviceCache.withLock { $0 = AdviceCacheEntry(staffing: staffing, at: now, engine: snapshot.engine, list: list) }
        try? await noteAdviceShown(list.advice)
        return (list, snapshot.engine)
    }

    /// Journals the advice in `advice` that a supervisor is shown for the first time while it
    /// stands (`AdviceLedger`): one `adviceGiven` event each, so the report can count it given,
    /// and taken when the command it names follows. Advice already standing writes nothing.
    public func noteAdviceShown(_ advice: [StaffingAdvice]) async throws {
        let now = now()
        let fresh = advice.filter { !adviceLedger.stands($0.move.id, at: now) }
        guard !fresh.isEmpty else { return }
        try await execute(.noteAdvice(fresh.map(AdviceNote.init)))
    }
}

/// What a staffing move changes: every window's availability and covers, and the config (a
/// service added to a window). Advice computed for other staffing is another hall's.
struct AdviceStaffing: Sendable, Equatable {
    var windows: [CounterID: String]
    var config: HallConfig

    init(_ state: HallState, config: HallConfig) {
        windows = state.counters.mapValues { "\($0.availability)|\($0.covering.joined(separator: ","))" }
        self.config = config
    }
}
