import Foundation
import KioskTestSupport
import Synchronization

/// A wall clock and a monotonic clock moved by hand: time passes on both, or the wall clock
/// alone is set (NTP, an operator, a bad RTC). No sleeps.
final class SteppingClocks: Sendable {
    private let state: Mutex<(wall: Date, elapsed: Duration)>
    private let origin = ContinuousClock.now

    /// Both clocks from `start` (default: Monday 2 March 2026, 10:00 hall time).
    init(_ start: Date = ManualClock.instant("10:00")) {
        state = Mutex((start, .zero))
    }

    var wall: @Sendable () -> Date { { self.state.withLock { $0.wall } } }
    var monotonic: @Sendable () -> ContinuousClock.Instant { { self.origin + self.state.withLock { $0.elapsed } } }

    /// Time passes: both clocks move on.
    func pass(_ seconds: Double) {
        state.withLock { $0.wall += seconds; $0.elapsed += .milliseconds(Int(seconds * 1000)) }
    }

    /// The wall clock alone is set.
    func stepWall(_ seconds: Double) {
        state.withLock { $0.wall += seconds }
    }
}
