import Foundation

/// A hall-local time typed by a person (`--at`, `--start-at`): parsed in the hall's zone.
public enum HallLocalTime {
    /// `2026-11-26 09:30`, `2026-11-26T09:30:15`, or `09:30` on `today`.
    public static func parse(_ text: String, calendar: HallCalendar, today: BusinessDate) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        var date = today
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
        return calendar.instant(on: date, secondsOfDay: seconds)
    }
}
