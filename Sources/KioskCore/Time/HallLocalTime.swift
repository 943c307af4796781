import Foundation

/// A hall-local time typed by a person (`--at`, `--start-at`): parsed in the hall's zone.
public enum HallLocalTime {
    /// `2026-11-26 09:30`, `2026-11-26T09:30:15`, or `09:30` on `today`.
    public static func parse(_ text: String, calendar: HallCalendar, today: BusinessDate) -> Date? {
        guard let typed = fields(of: text) else { return nil }
        return calendar.instant(on: typed.date ?? today, secondsOfDay: typed.secondsOfDay)
    }

    /// Whether `text` has one of the shapes `parse` reads. Needs no hall: a command line checks
    /// it while parsing its arguments, before any config or journal is read.
    public static func isWellFormed(_ text: String) -> Bool {
        fields(of: text) != nil
    }

    /// The day (nil: today) and the time of day `text` names, before a calendar places them.
    private static func fields(of text: String) -> (date: BusinessDate?, secondsOfDay: Double)? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        var date: BusinessDate?
        var timeText = Substring(text)
        if parts.count == 2 {
            guard let d = BusinessDate(String(parts[0])) else { return nil }
            date = d
            timeText = parts[1]
        } else if parts.count != 1 {
            return nil
        }
        let hms = timeText.split(separator: ":")
        guard hms.count == 2 || hms.count == 3, let clock = ClockTime(hms[0] + ":" + hms[1]) else { return nil }
        var seconds = clock.seconds
        if hms.count == 3 {
            guard let s = Double(hms[2]), (0..<60).contains(s) else { return nil }
            seconds += s
        }
        return (date, seconds)
    }
}
