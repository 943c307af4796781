import Dispatch
import Foundation
import KioskCore

/// A new ticket's own projection (`WaitEstimator.estimate(issuing:in:at:)`), made outside the
/// hall actor for the closing-time rule's close calls, and the state it was made on. The actor
/// takes it only if nothing it decides on has changed since (`Key`); else it makes another.
struct PreparedOwnEstimate: Sendable {
    /// What the estimate was made on: the hall's decision inputs (`Hall.inputs`: the state, the
    /// estimator and the rules, counted at every change), the timed events that fell due before
    /// the issue, and the newcomer.
    struct Key: Sendable {
        var inputs: UInt64
        var timed: [HallEvent]
        var newcomer: Ticket

        /// The same inputs, timed events and newcomer; the instant of the issue aside (it moves
        /// on while the projection runs, while nothing the rule decides on changes).
        func matches(_ other: Key) -> Bool {
            inputs == other.inputs && timed == other.timed && newcomer.number == other.newcomer.number && newcomer.service == other.newcomer.service
                && newcomer.priority == other.newcomer.priority && newcomer.sequence == other.newcomer.sequence
                && newcomer.hasContact == other.newcomer.hasContact
        }
    }

    var key: Key
    var estimate: WaitEstimate?
}

extension PublishedHall {
    /// `key.newcomer`'s own projection on `state` (the timed events of `key` folded) with
    /// `estimator`, made on the projection thread (after any projection running there) while
    /// the caller suspends. Nil, nothing projected, when `stillCurrent` says, as the thread
    /// comes to it, that the hall's inputs have changed meanwhile: the caller would throw it away.
    func prepareOwnEstimate(
        _ key: PreparedOwnEstimate.Key, in state: HallState, estimator: WaitEstimator, at now: Date, stillCurrent: @escaping @Sendable () -> Bool
    ) async -> PreparedOwnEstimate? {
        await withCheckedContinuation { continuation in
            projections.async {
                guard stillCurrent() else { return continuation.resume(returning: nil) }
                let estimate = estimator.estimate(issuing: key.newcomer, in: state, at: now)
                continuation.resume(returning: PreparedOwnEstimate(key: key, estimate: estimate))
            }
        }
    }
}
