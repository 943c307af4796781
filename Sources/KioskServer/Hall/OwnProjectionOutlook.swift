/// Whether a close call's own projection (`PreparedOwnEstimate`) is worth sending outside the
/// hall actor, judged on how the last tries came back.
///
/// A try is wasted when the hall changes while it is made: on a long line near closing with
/// commands every half second, every try goes stale, and an issue paid up to
/// `Hall.ownEstimatePreparations` wasted tries (each queued behind the projector, about a second
/// each at 10,000 waiting) before making the projection inside anyway: 2.5 s a refusal instead of
/// 0.65 s. So after `staleBeforeInside` stale tries in a row the issue makes it inside at once,
/// and so do the next close calls, a run that doubles with each stale probe after it (up to
/// `longestInsideRun`); a probe that comes back fresh (the hall has calmed down) ends it.
struct OwnProjectionOutlook: Sendable, Equatable {
    /// Tries in a row, over issues, that came back made on a hall that had changed meanwhile.
    private(set) var staleInARow = 0
    /// Close calls still to be projected inside without a try.
    private(set) var insideLeft = 0

    static let staleBeforeInside = 2
    static let longestInsideRun = 16

    /// Asked each time an issue needs the newcomer's own projection: true to send it outside,
    /// false to make it inside the actor now.
    mutating func sendOutside() -> Bool {
        guard insideLeft == 0 else {
            insideLeft -= 1
            return false
        }
        return true
    }

    /// A try came back: `fresh` when the hall had not changed while it was made.
    mutating func tried(fresh: Bool) {
        guard !fresh else {
            staleInARow = 0
            insideLeft = 0
            return
        }
        staleInARow += 1
        guard staleInARow >= Self.staleBeforeInside else { return }
        // This issue (it asks again right after) and at least the next close call; each stale
        // probe after them doubles the run.
        let doublings = min(staleInARow - Self.staleBeforeInside, 3)
        insideLeft = min(2 << doublings, Self.longestInsideRun)
    }
}
