import Foundation
import Synchronization

/// Watches the wall clock against the monotonic one: a step of more than `tolerance` raises a
/// clock warning, which holds until the two agree again or a supervisor confirms the time.
///
/// While the warning stands (and for `trustAfter` of monotonic time after the business day
/// began), nothing irreversible happens on the wall clock's word: purging the previous day's
/// phone numbers and messages waits.
public final class ClockWatch: Sendable {
    /// What `/healthz`, the hall view and the window terminal show.
    public struct Reading: Sendable, Equatable {
        public var warning: Bool
        /// Wall clock minus hall clock, seconds.
        public var skew: TimeInterval
    }

    /// A step the watch noticed or that cleared, for the caller to log once.
    public enum Change: Sendable, Equatable {
        case raised(skew: TimeInterval)
        case cleared
    }

    public static let defaultTolerance: TimeInterval = 120

    public let clock: SteadyClock
    public let tolerance: TimeInterval
    private let state: Mutex<Reading>

    public init(clock: SteadyClock, tolerance: TimeInterval = ClockWatch.defaultTolerance) {
        self.clock = clock
        self.tolerance = tolerance
        state = Mutex(Reading(warning: false, skew: 0))
    }

    /// The last reading (no clock is read).
    public var reading: Reading { state.withLock { $0 } }

    /// Reads both clocks; returns a change when the warning was raised or cleared by it.
    @discardableResult
    public func check() -> Change? {
        let skew = clock.skew()
        let warning = abs(skew) > tolerance
        return state.withLock { state in
            defer { state = Reading(warning: warning, skew: skew) }
            if warning && !state.warning { return .raised(skew: skew) }
            if !warning && state.warning { return .cleared }
            return nil
        }
    }

    /// What a supervisor's confirmation did.
    public enum Confirmation: Sendable, Equatable {
        /// The hall takes its time from the wall clock now; the warning is cleared.
        case confirmed
        /// The wall clock is `seconds` behind the hall: only a restart takes it (the warning stays).
        case wallClockBehind(seconds: TimeInterval)
    }

    /// A supervisor says the wall clock is right.
    public func confirm() -> Confirmation {
        guard clock.confirmWallClock() else {
            let skew = clock.skew()
            state.withLock { $0 = Reading(warning: abs(skew) > tolerance, skew: skew) }
            return .wallClockBehind(seconds: -skew)
        }
        state.withLock { $0 = Reading(warning: false, skew: 0) }
        return .confirmed
    }
}
