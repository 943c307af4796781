import Foundation
import KioskCore
import KioskServer
import Logging
import Testing

/// The daemon options `kiosk serve` and `kiosk demo` build from their flags.
@Suite struct LaunchOptionsTests {
    let config = HallConfig.defaultHall
    var calendar: HallCalendar { QueueEngine(config: config).calendar }
    let realStart = Date(timeIntervalSince1970: 1_772_413_200)  // 2026-03-02 01:00 UTC, 09:00 in Shanghai

    @Test func startAtTakesADateAndTimeOrATimeOnTheStartingDay() throws {
        let monday = BusinessDate(year: 2026, month: 3, day: 2)
        let full = try HallClockFlags(startAt: "2026-03-04 14:30", speed: 60, fastest: 3600).clock(calendar: calendar, realStart: realStart)
        #expect(full.start == calendar.instant(on: BusinessDate(year: 2026, month: 3, day: 4), at: ClockTime(hour: 14, minute: 30)))
        #expect(full.speed == 60)
        let today = try HallClockFlags(startAt: "08:00", speed: 30, fastest: 600).clock(calendar: calendar, realStart: realStart)
        #expect(today.start == calendar.instant(on: monday, at: ClockTime(hour: 8, minute: 0)))
        #expect(today.hallTime(at: realStart.addingTimeInterval(2)) == today.start.addingTimeInterval(60))
    }

    @Test(arguments: [0, -1, 601, .nan, .infinity] as [Double])
    func aSpeedOutsideTheCommandsRangeIsRefused(speed: Double) {
        #expect(throws: HallClockFlags.Problem.speed(fastest: 600)) {
            try HallClockFlags(startAt: "08:00", speed: speed, fastest: 600).clock(calendar: calendar, realStart: realStart)
        }
        // The same refusal before any hall is known (the command line's validate()).
        #expect(throws: HallClockFlags.Problem.speed(fastest: 600)) { try HallClockFlags(startAt: "08:00", speed: speed, fastest: 600).check() }
    }

    @Test func theFastestSpeedIsAllowedAndSaidInTheError() throws {
        _ = try HallClockFlags(startAt: "08:00", speed: 3600, fastest: 3600).clock(calendar: calendar, realStart: realStart)
        #expect(HallClockFlags.Problem.speed(fastest: 3600).description == "--speed must be in (0, 3600]")
    }

    @Test(arguments: ["", "8", "25:00", "2026-02-30 08:00", "tomorrow"])
    func aStartThatIsNoTimeIsRefusedAndQuoted(text: String) {
        #expect(throws: HallClockFlags.Problem.startAt(text)) {
            try HallClockFlags(startAt: text, speed: 1, fastest: 3600).clock(calendar: calendar, realStart: realStart)
        }
        #expect(throws: HallClockFlags.Problem.startAt(text)) { try HallClockFlags(startAt: text, speed: 1, fastest: 3600).check() }
        #expect(HallClockFlags.Problem.startAt(text).description.hasSuffix("got '\(text)'"))
    }

    @Test func serveOnAnAcceleratedClockCarriesOnFromTheJournalAndWatchesNoWallClock() throws {
        let clock = try HallClockFlags(startAt: "2026-03-02 08:00", speed: 1, fastest: 3600).clock(calendar: calendar, realStart: Date())
        let options = KioskDaemon.Options.serve(
            config: config, tokens: AccessTokens.generate(for: config), tokenFile: "/d/tokens.json", dataDirectory: "/d",
            host: "0.0.0.0", port: 9000, logger: Logger(label: "test"), hallClock: clock
        )
        #expect(options.continueFromJournal)
        #expect(options.watchedWallClock == nil)
        #expect((options.tokenFile, options.host, options.port, options.dataDirectory) == ("/d/tokens.json", "0.0.0.0", 9000, "/d"))
        // The hall clock runs from the start, not from the PC's date.
        let shown = options.clock()
        #expect(shown >= clock.start && shown < clock.start.addingTimeInterval(3600))
    }

    @Test func serveOnThePCsClockWatchesItAndStartsTheDayFresh() {
        let options = KioskDaemon.Options.serve(
            config: config, tokens: AccessTokens.generate(for: config), tokenFile: "/d/tokens.json", dataDirectory: "/d",
            host: "127.0.0.1", port: 8080, logger: Logger(label: "test"), hallClock: nil
        )
        #expect(options.watchedWallClock != nil)
        #expect(!options.continueFromJournal)
        #expect(abs(options.clock().timeIntervalSinceNow) < 3600)
    }

    @Test func theDemoTicksFastOnItsClockAndCarriesOnFromItsJournal() throws {
        let clock = try HallClockFlags(startAt: "08:00", speed: 30, fastest: 600).clock(calendar: calendar, realStart: Date())
        let options = KioskDaemon.Options.demo(
            config: config, tokens: AccessTokens.generate(for: config), dataDirectory: "/d", port: 0, logger: Logger(label: "test"), hallClock: clock
        )
        #expect(options.tickInterval == .milliseconds(100))
        #expect(options.continueFromJournal)
        #expect(options.port == 0)
        #expect(options.watchedWallClock == nil)
        #expect(options.clock() >= clock.start)
    }

    @Test(arguments: [("0.0.0.0", "127.0.0.1"), ("::", "127.0.0.1"), ("127.0.0.1", "127.0.0.1"), ("10.1.2.3", "10.1.2.3"), ("hall-pc", "hall-pc")])
    func aDaemonOnEveryAddressIsReachedOnTheLoopback(host: String, connect: String) {
        var options = KioskDaemon.Options(config: config, tokens: AccessTokens.generate(for: config), dataDirectory: "/d")
        options.host = host
        #expect(options.connectHost == connect)
    }
}
