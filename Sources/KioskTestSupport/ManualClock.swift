import Foundation
import KioskCore
import Synchronization

/// The hall clock a test daemon reads: it stands still until the test moves it, so timed rules
/// (automatic recalls, a paused window's return) never fire behind a test's back.
public final class ManualClock: Sendable {
    private let instant: Mutex<Date>

    public init(_ start: Date) {
        instant = Mutex(start)
    }

    /// Monday 2 March 2026 at `clock` (`HH:MM`), hall time (Asia/Shanghai for the default hall).
    public convenience init(hallTime clock: String, config: HallConfig = .defaultHall) {
        self.init(ManualClock.instant(clock, config: config))
    }

    public static func instant(_ clock: String, config: HallConfig = .defaultHall) -> Date {
        let calendar = QueueEngine(config: config).calendar
        return calendar.instant(on: TestHall.monday, at: ClockTime(clock)!)
    }

    public var now: Date { instant.withLock { $0 } }

    /// Moves the hall clock forward by `seconds`.
    public func advance(by seconds: Double) {
        instant.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
