import Foundation
import KioskCore
import KioskTestSupport
import Testing

@Suite struct HallLocalTimeTests {
    let calendar = QueueEngine(config: TestHall.config).calendar

    @Test func readsTheThreeShapesInTheHallsZone() {
        let today = TestHall.monday
        #expect(HallLocalTime.parse("09:30", calendar: calendar, today: today) == calendar.instant(on: today, secondsOfDay: 9.5 * 3600))
        #expect(HallLocalTime.parse("09:30:15", calendar: calendar, today: today) == calendar.instant(on: today, secondsOfDay: 9.5 * 3600 + 15))
        let other = BusinessDate(year: 2026, month: 11, day: 26)
        #expect(HallLocalTime.parse("2026-11-26 09:30", calendar: calendar, today: today) == calendar.instant(on: other, secondsOfDay: 9.5 * 3600))
        #expect(HallLocalTime.parse("2026-11-26T09:30:15", calendar: calendar, today: today) == calendar.instant(on: other, secondsOfDay: 9.5 * 3600 + 15))
    }

    @Test func refusesWhatIsNotATime() {
        for text in ["", "9", "09:30:60", "2026-13-01 09:30", "a b c", "2026-11-26 09:30 extra", "09:30:xx"] {
            #expect(HallLocalTime.parse(text, calendar: calendar, today: TestHall.monday) == nil, "\(text)")
            #expect(!HallLocalTime.isWellFormed(text), "\(text)")
        }
        for text in ["09:30", "09:30:15", "2026-11-26 09:30", "2026-11-26T09:30:15"] {
            #expect(HallLocalTime.isWellFormed(text), "\(text)")
        }
    }
}
