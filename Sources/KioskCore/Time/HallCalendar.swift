import Foundation

/// Converts between absolute instants and the hall's local business date and time of day.
///
/// Pure: it only does calendar arithmetic in the configured zone; the caller supplies `now`.
public struct HallCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The hall's local date at `instant`.
    public func businessDate(of instant: Date) -> BusinessDate {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return BusinessDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// Local midnight that starts `date`.
    public func midnight(of date: BusinessDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }

    /// Seconds since local midnight of the instant's own business date.
    public func secondsOfDay(_ instant: Date) -> Double {
        instant.timeIntervalSince(midnight(of: businessDate(of: instant)))
    }

    /// The instant `seconds` after local midnight of `date`.
    public func instant(on date: BusinessDate, secondsOfDay seconds: Double) -> Date {
        midnight(of: date).addingTimeInterval(seconds)
    }

    /// The instant `time` on `date`.
    public func instant(on date: BusinessDate, at time: ClockTime) -> Date {
        instant(on: date, secondsOfDay: time.seconds)
    }

    /// The business date after `date`.
    public func dayAfter(_ date: BusinessDate) -> BusinessDate {
        businessDate(of: calendar.date(byAdding: .day, value: 1, to: midnight(of: date))!.addingTimeInterval(3600))
    }
}

extension HallCalendar {
    /// `2026-03-02 09:41:07`: the instant in the hall's own time, for messages and logs.
    public func localTimestamp(_ instant: Date) -> String {
        let seconds = Int(secondsOfDay(instant).rounded(.down))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(businessDate(of: instant)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
