import Foundation
import KioskCore

/// `--start-at` and `--speed` of `kiosk serve` and `kiosk demo`: an accelerated hall clock for
/// demos, training and tests outside opening hours, checked once for both commands.
public struct HallClockFlags: Sendable, Equatable {
    /// 'YYYY-MM-DD HH:MM[:SS]', or 'HH:MM[:SS]' on the business day the clock starts.
    public var startAt: String
    /// Hall seconds per real second.
    public var speed: Double
    /// The fastest the command allows (a demo is watched; a test's daemon runs faster).
    public var fastest: Double

    public init(startAt: String, speed: Double, fastest: Double) {
        (self.startAt, self.speed, self.fastest) = (startAt, speed, fastest)
    }

    /// Why the flags give no clock, worded as the command line's error.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case speed(fastest: Double)
        case startAt(String)

        public var description: String {
            switch self {
            case let .speed(fastest): return "--speed must be in (0, \(Self.number(fastest))]"
            case let .startAt(text): return "--start-at: expected 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]', got '\(text)'"
            }
        }

        private static func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    /// Refuses flags that can give no clock in any hall: what a command line checks while
    /// parsing its arguments, before the hall's config is read.
    public func check() throws(Problem) {
        // `!(speed > 0)` also refuses NaN.
        guard speed > 0 && speed <= fastest else { throw .speed(fastest: fastest) }
        guard HallLocalTime.isWellFormed(startAt) else { throw .startAt(startAt) }
    }

    /// The hall clock these flags ask for, started at `realStart` in the hall's `calendar`.
    public func clock(calendar: HallCalendar, realStart: Date) throws(Problem) -> AcceleratedClock {
        try check()
        guard let clock = AcceleratedClock(startingAt: startAt, calendar: calendar, realStart: realStart, speed: speed) else {
            throw .startAt(startAt)
        }
        return clock
    }
}
