import Foundation
import KioskCore

extension LineProjection {
    /// Whether a new ticket's estimate may be this projection plus that ticket on `state` (the
    /// hall's, under `config`): a projection of that business day, config and staffing of the
    /// windows, of a state no later than `state` (the tickets issued since are counted on the
    /// line's index). If not, the figures are another hall's (or none: `empty`, before the
    /// first projection).
    func fits(_ state: HallState, config: HallConfig) -> Bool {
        issueSequence >= 0 && date == state.date && state.issueSequence >= issueSequence && self.config == config && sameWindows(as: state)
    }

    /// `fits(_:config:)`, and made at most `maxAge` seconds from `now`.
    func fits(_ state: HallState, config: HallConfig, at now: Date, maxAge: TimeInterval) -> Bool {
        abs(now.timeIntervalSince(at)) <= maxAge && fits(state, config: config)
    }
}
