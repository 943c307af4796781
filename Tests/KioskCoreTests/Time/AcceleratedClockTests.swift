import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The demo / training / bench hall clock, driven by a manual wall time.
@Suite struct AcceleratedClockTests {
    let calendar = QueueEngine(config: TestHall.config).calendar
    /// 2026-03-02 10:17:00 in Shanghai (02:17 UTC).
    var wall: Date { calendar.instant(on: TestHall.monday, at: ClockTime(hour: 10, minute: 17)) }

    @Test func runsSpeedHallSecondsPerWallSecondFromItsStart() {
        let start = calendar.instant(on: TestHall.monday, at: ClockTime(hour: 8, minute: 0))
        let clock = AcceleratedClock(start: start, realStart: wall, speed: 30)
        #expect(clock.hallTime(at: wall) == start)
        #expect(clock.hallTime(at: wall.addingTimeInterval(2)) == start.addingTimeInterval(60))
        #expect(clock.hallTime(at: wall.addingTimeInterval(120)) == start.addingTimeInterval(3600))
        #expect(AcceleratedClock(start: start, realStart: wall).hallTime(at: wall.addingTimeInterval(7.5)) == start.addingTimeInterval(7.5))
    }

    @Test func aTimeOfDayStartsOnTheWallClocksBusinessDay() throws {
        let clock = try #require(AcceleratedClock(startingAt: "08:00", calendar: calendar, realStart: wall, speed: 300))
        #expect(clock.start == calendar.instant(on: TestHall.monday, at: ClockTime(hour: 8, minute: 0)))
        #expect(calendar.secondsOfDay(clock.hallTime(at: wall.addingTimeInterval(12))) == 8 * 3600 + 3600)
        // 23:30 UTC on Sunday is already Monday 07:30 in Shanghai: the hall's date, not UTC's.
        let lateSundayUTC = calendar.instant(on: TestHall.monday, at: ClockTime(hour: 7, minute: 30))
        let early = try #require(AcceleratedClock(startingAt: "09:00", calendar: calendar, realStart: lateSundayUTC))
        #expect(calendar.businessDate(of: early.start) == TestHall.monday)
    }

    @Test func aFullDateAndTimeIsTakenAsGivenAndNonsenseIsRefused() throws {
        let clock = try #require(AcceleratedClock(startingAt: "2026-03-04 14:30:15", calendar: calendar, realStart: wall))
        #expect(clock.start == calendar.instant(on: BusinessDate(year: 2026, month: 3, day: 4), secondsOfDay: 14.5 * 3600 + 15))
        #expect(AcceleratedClock(startingAt: "half past eight", calendar: calendar, realStart: wall) == nil)
        #expect(AcceleratedClock(startingAt: "25:00", calendar: calendar, realStart: wall) == nil)
    }
}
