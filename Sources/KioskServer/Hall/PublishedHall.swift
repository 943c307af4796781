import Foundation
import KioskCore
import Synchronization

/// The hall as of its last commit, for readers that must never wait for (or delay) the hall
/// actor: the public service list, a ticket's status, the hall screen's snapshot.
///
/// The actor publishes after every commit (a copy of a value: the state and the estimator share
/// their storage until the actor's next change). Wait estimates are a Monte Carlo projection,
/// too costly to run per read or per commit: `refreshEstimates` runs it outside the actor about
/// once a second, so estimates in a read may be up to a second old while everything else is
/// exactly the last commit's.
public final class PublishedHall: Sendable {
    /// One commit's hall.
    public struct Snapshot: Sendable {
        public var seq: Int64
        /// The rules (the config) `state` was folded under.
        public var engine: QueueEngine
        public var state: HallState
        public var estimator: WaitEstimator
        public var recentCalls: [Hall.RecentCall]
    }

    /// Estimates of every waiting ticket, as projected at `at` from the snapshot of `seq`.
    public struct Estimates: Sendable {
        public var seq: Int64
        public var at: Date
        public var all: [WaitEstimate]
        public var byTicket: [TicketNumber: WaitEstimate]

        static let none = Estimates(seq: -1, at: .distantPast, all: [], byTicket: [:])
    }

    private let snapshot: Mutex<Snapshot>
    private let estimates = Mutex(Estimates.none)

    init(_ snapshot: Snapshot) {
        self.snapshot = Mutex(snapshot)
    }

    public var current: Snapshot { snapshot.withLock { $0 } }
    public var currentEstimates: Estimates { estimates.withLock { $0 } }

    func publish(_ next: Snapshot) {
        snapshot.withLock { $0 = next }
    }

    /// Projects the line of the latest snapshot at `now` (outside the actor) and keeps it for
    /// readers.
    public func refreshEstimates(at now: Date) {
        let latest = current
        let all = latest.state.waiting.isEmpty ? [] : latest.estimator.estimates(in: latest.state, at: now)
        let byTicket = Dictionary(all.map { ($0.ticket, $0) }) { $1 }
        estimates.withLock { $0 = Estimates(seq: latest.seq, at: now, all: all, byTicket: byTicket) }
    }
}
