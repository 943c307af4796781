import Dispatch
import Foundation
import KioskCore
import Synchronization

/// The hall as of its last commit, for readers that must never wait for (or delay) the hall
/// actor: the public service list, a ticket's status, the hall screen's snapshot.
///
/// The actor publishes after every commit (a copy of a value: the state and the estimator share
/// their storage until the actor's next change). Wait estimates come from one projection of
/// the whole line (`LineProjection`), computed outside the actor by `LineProjector` after a
/// change and at least once a second, and shared by every reader, the heads-up pass and the
/// estimate printed on a new ticket: estimates in a read may be up to a second old while
/// everything else is exactly the last commit's.
public final class PublishedHall: Sendable {
    /// One commit's hall.
    public struct Snapshot: Sendable {
        public var seq: Int64
        /// The rules (the config) `state` was folded under.
        public var engine: QueueEngine
        public var state: HallState
        public var estimator: WaitEstimator
        public var recentCalls: [Hall.RecentCall]
        /// Counts publications (set by `publish`): two snapshots with the same number are the
        /// same value, so a rendering of one (`HallViewCache`) serves the other.
        public var publication = 0
    }

    /// The line as projected from the snapshot of `seq`.
    public struct Estimates: Sendable {
        public var seq: Int64
        public var line: LineProjection
        public var at: Date { line.at }
        public var all: [WaitEstimate] { line.estimates }
        public var byTicket: EstimatesByTicket { line.byTicket }
    }

    private let snapshot: Mutex<Snapshot>
    private let estimates: Mutex<Estimates>
    /// Where projections run: one at a time, on a thread of their own. A projection of a long
    /// line takes a second of CPU; on Swift's cooperative pool (two threads on a 2-core hall
    /// PC) two at once (the projector's and the heads-up pass's, both at start) would hold every
    /// request, `/healthz` too, until they finish. One at a time, the second finds the first's
    /// projection fresh and does not project again.
    let projections = DispatchQueue(label: "kiosk.projection", qos: .utility)

    init(_ snapshot: Snapshot) {
        self.snapshot = Mutex(snapshot)
        estimates = Mutex(Estimates(seq: -1, line: .empty(at: .distantPast, config: snapshot.engine.config)))
    }

    public var current: Snapshot { snapshot.withLock { $0 } }
    public var currentEstimates: Estimates { estimates.withLock { $0 } }

    func publish(_ next: Snapshot) {
        snapshot.withLock { held in
            var next = next
            next.publication = held.publication + 1
            held = next
        }
    }

    /// `refreshEstimates(at:maxAge:)` on the projection thread; the caller suspends meanwhile
    /// (a caller in the hall actor lets commands through while the line is projected).
    public func refreshedEstimates(at now: Date, maxAge: TimeInterval = 0) async -> Estimates {
        await withCheckedContinuation { continuation in
            projections.async { continuation.resume(returning: self.refreshEstimates(at: now, maxAge: maxAge)) }
        }
    }

    /// The time between the projector's projections as it last spaced them (zero: no
    /// projector): the age readers' projections reach before the next one.
    let projectorPeriod = Mutex<Duration>(.zero)

    /// The projection readers see when it `LineProjection.fits` the latest snapshot and is no
    /// older than `maxAge` plus the projector's period (what the screens read at worst); else
    /// `refreshedEstimates(at:maxAge:)`. For a pass over the whole line that needs every
    /// waiting ticket's figures but not those of the last second's commits (the heads-up pass).
    public func sharedEstimates(at now: Date, maxAge: TimeInterval) async -> Estimates {
        let kept = currentEstimates, latest = current
        let oldest = maxAge + projectorPeriod.withLock { $0 } / .seconds(1)
        if kept.line.fits(latest.state, config: latest.engine.config, at: now, maxAge: oldest) { return kept }
        return await refreshedEstimates(at: now, maxAge: maxAge)
    }

    /// Makes sure readers see a projection a new ticket's estimate can be taken from: one that
    /// `LineProjection.fits` the latest snapshot, whatever its age. At once when the one they
    /// see does, else by projecting now on the projection thread while the caller suspends
    /// (after a start, before the first projection; after a window opened or closed, or a
    /// config change). Callers waiting at once share one projection: each looks again on the
    /// thread, after the one before it, and finds it fits. Returns whether the caller waited.
    ///
    /// Age is left to the caller: one too old is still a projection of this hall, and on a hall
    /// clock running far faster than the projector (the demo) every one would be.
    @discardableResult
    public func waitForFittingProjection(at now: Date) async -> Bool {
        guard !fitsLatest(currentEstimates) else { return false }
        await withCheckedContinuation { continuation in
            projections.async {
                if !self.fitsLatest(self.currentEstimates) { self.refreshEstimates(at: now) }
                continuation.resume()
            }
        }
        return true
    }

    private func fitsLatest(_ estimates: Estimates) -> Bool {
        let latest = current
        return estimates.line.fits(latest.state, config: latest.engine.config)
    }

    /// Projects the line of the latest snapshot at `now` (outside the actor) and keeps it for
    /// readers, unless the last projection is of that very snapshot and less than `maxAge`
    /// seconds old. Returns the projection readers now see.
    @discardableResult
    public func refreshEstimates(at now: Date, maxAge: TimeInterval = 0) -> Estimates {
        let latest = current
        let kept = currentEstimates
        if kept.seq == latest.seq, now.timeIntervalSince(kept.at) < maxAge, now >= kept.at { return kept }
        let fresh = Estimates(seq: latest.seq, line: latest.estimator.projection(of: latest.state, at: now))
        return estimates.withLock { held in
            // Two refreshes at once: the newer snapshot (then the later instant) wins.
            if held.seq < fresh.seq || (held.seq == fresh.seq && held.at <= fresh.at) { held = fresh }
            return held
        }
    }
}
