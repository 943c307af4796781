import Foundation

/// The hall clock of a demo, a training session or a bench: it reads `start` when the wall
/// clock reads `realStart`, and runs `speed` hall seconds per wall second from there. Pure:
/// the caller passes the wall time (`kiosk serve --start-at`, `kiosk demo` and the display
/// bench pass `Date()`).
public struct AcceleratedClock: Sendable, Equatable {
    public var start: Date
    public var realStart: Date
    public var speed: Double

    public init(start: Date, realStart: Date, speed: Double = 1) {
        self.start = start
        self.realStart = realStart
        self.speed = speed
    }

    /// A clock starting at `text` (`HallLocalTime`: 'YYYY-MM-DD HH:MM[:SS]', or 'HH:MM[:SS]'
    /// on the business day of `realStart`) in the hall's zone; nil when `text` is not a time.
    public init?(startingAt text: String, calendar: HallCalendar, realStart: Date, speed: Double = 1) {
        guard let start = HallLocalTime.parse(text, calendar: calendar, today: calendar.businessDate(of: realStart)) else { return nil }
        self.init(start: start, realStart: realStart, speed: speed)
    }

    /// The hall's time when the wall clock reads `real`.
    public func hallTime(at real: Date) -> Date {
        start.addingTimeInterval(real.timeIntervalSince(realStart) * speed)
    }
}
