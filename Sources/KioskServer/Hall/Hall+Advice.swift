import Foundation
import KioskCore

/// A computed staffing advice, with the snapshot it was computed on.
struct AdviceCacheEntry: Sendable {
    var seq: Int64
    var at: Date
    var engine: QueueEngine
    var list: StaffingAdviceList
}

extension Hall {
    /// Seconds a computed advice is reused for the same snapshot: its what-ifs are a projection
    /// of the whole line each, so this bounds what polling screens cost.
    static let adviceMaxAge: TimeInterval = 5

    /// The staffing advice for the hall now, and the rules it was computed under (for names),
    /// computed outside the actor on the last committed snapshot; advice shown for the first
    /// time while it stands is journaled as given (`noteAdviceShown`). A journal that cannot
    /// commit loses that record, not the advice: the supervisor still sees it.
    public nonisolated func currentAdvice() async -> (list: StaffingAdviceList, engine: QueueEngine) {
        let snapshot = published.current
        let now = now()
        if let cached = adviceCache.withLock({ $0 }), cached.seq == snapshot.seq, cached.at <= now,
           now.timeIntervalSince(cached.at) < Self.adviceMaxAge {
            return (cached.list, cached.engine)
        }
        let list = Advisor(engine: snapshot.engine, estimator: snapshot.estimator).advise(snapshot.state, at: now)
        adviceCache.withLock { $0 = AdviceCacheEntry(seq: snapshot.seq, at: now, engine: snapshot.engine, list: list) }
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
