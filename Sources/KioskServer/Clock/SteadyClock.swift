import Foundation
import Synchronization

/// The daemon's sense of time: the wall clock read once, then moved on by the monotonic clock.
///
/// A PC's wall clock can be wrong at boot (a bad RTC) and jump when NTP corrects it; the
/// monotonic clock only ever counts seconds. Hall time taken from here never runs backwards
/// and never jumps, so timers and automatic recalls keep working whatever the wall clock
/// does; how far the wall clock has moved away from it (`skew`) is what the clock warning
/// watches. A supervisor's confirmation takes the wall clock's time when it is ahead.
public final class SteadyClock: Sendable {
    private struct Anchor {
        var wall: Date
        var monotonic: ContinuousClock.Instant
        /// The latest time handed out: a re-anchoring behind it never makes time go back.
        var latest: Date
    }

    private let wall: @Sendable () -> Date
    private let monotonic: @Sendable () -> ContinuousClock.Instant
    private let anchor: Mutex<Anchor>

    /// - Parameters:
    ///   - wall: the wall clock (tests pass their own).
    ///   - monotonic: the monotonic clock (tests pass their own).
    public init(
        wall: @escaping @Sendable () -> Date = Date.init,
        monotonic: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.wall = wall
        self.monotonic = monotonic
        let now = wall()
        anchor = Mutex(Anchor(wall: now, monotonic: monotonic(), latest: now))
    }

    /// The wall clock as read at the anchor, plus the monotonic time since.
    public func now() -> Date {
        let mono = monotonic()
        return anchor.withLock { anchor in
            let elapsed = mono - anchor.monotonic
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let time = max(anchor.latest, anchor.wall.addingTimeInterval(seconds))
            anchor.latest = time
            return time
        }
    }

    /// How far the wall clock is from this clock now, in seconds (positive: the wall clock is
    /// ahead, as after NTP moved a slow RTC forward).
    public func skew() -> TimeInterval {
        let steady = now()
        return wall().timeIntervalSince(steady)
    }

    /// Takes the wall clock's word from now on (a supervisor has checked it), when it is ahead:
    /// this clock jumps forward with it. A wall clock behind is refused (returns false): hall
    /// time never runs backwards inside a process, and going back means a restart, which
    /// resumes the earlier day from the journal.
    @discardableResult
    public func confirmWallClock() -> Bool {
        let wallNow = wall(), mono = monotonic()
        return anchor.withLock { anchor in
            guard wallNow >= anchor.latest else { return false }
            anchor.wall = wallNow
            anchor.monotonic = mono
            anchor.latest = wallNow
            return true
        }
    }
}
