import Foundation
import KioskCore
import Testing

/// Business dates and clock times as the config and the trace write them.
@Suite struct CalendarTests {
    @Test(arguments: ["2026-03-02", "2024-02-29", "2026-12-31"])
    func parsesValidDates(_ text: String) throws {
        #expect(try #require(BusinessDate(text)).description == text)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-04-31", "2026-3-2", "26-03-02", "2026/03/02", "", "2026-03-02T08:00"])
    func refusesBadDates(_ text: String) {
        #expect(BusinessDate(text) == nil)
    }

    @Test(arguments: [("00:00", 0), ("08:30", 510), ("23:59", 1439)])
    func parsesClockTimes(text: String, minutes: Int) throws {
        let time = try #require(ClockTime(text))
        #expect(time.minutes == minutes)
        #expect(time.seconds == Double(minutes * 60))
        #expect(time.description == text)
    }

    @Test(arguments: ["24:00", "8:30", "08:60", "0830", "08:30:00", "", "ab:cd", "-1:00"])
    func refusesBadClockTimes(_ text: String) {
        #expect(ClockTime(text) == nil)
    }

    @Test(arguments: [
        ("2026-03-02", "2026-03-03"), ("2026-02-28", "2026-03-01"), ("2024-02-28", "2024-02-29"), ("2026-12-31", "2027-01-01"),
    ])
    func dayAfterCrossesMonthsAndYears(day: String, next: String) {
        let calendar = HallCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(calendar.dayAfter(BusinessDate(day)!) == BusinessDate(next)!)
    }

    @Test func secondsOfDayAreLocalToTheHall() {
        let calendar = HallCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let date = BusinessDate(year: 2026, month: 3, day: 2)
        let instant = calendar.instant(on: date, at: ClockTime("08:30")!)
        #expect(calendar.secondsOfDay(instant) == 30_600)
        #expect(calendar.businessDate(of: instant) == date)
        // 08:30 in Shanghai is 00:30 UTC the same day.
        #expect(instant == Date(timeIntervalSince1970: 1_772_411_400))
    }
}
