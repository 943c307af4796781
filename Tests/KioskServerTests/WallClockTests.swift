import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// Issue 12, item 4: a daemon on the PC's wall clock, watched. Hall time advances on the
/// monotonic clock; a step of the wall clock raises the clock warning; a new business day
/// purges the previous day's phone numbers only after two hours of monotonic time without a
/// warning, or a supervisor's confirmation. Real daemon in process, hand-driven clocks.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct WallClockTests {
    static let monday = BusinessDate(year: 2026, month: 3, day: 2)
    static let phones = ["13811110001", "13811110002", "13811110003"]

    /// A daemon on `clocks`' wall clock, watched, with `clocks`' monotonic clock.
    static func options(_ dataDirectory: String, _ clocks: SteppingClocks) -> KioskDaemon.Options {
        var options = KioskDaemon.Options.forTests(config: .defaultHall, dataDirectory: dataDirectory, clock: clocks.wall)
        var watched = WatchedWallClock()
        watched.monotonic = clocks.monotonic
        options.watchedWallClock = watched
        return options
    }

    static func withDaemon<T: Sendable>(
        _ dataDirectory: String, _ clocks: SteppingClocks, _ body: (InProcessDaemon, APIClient) async throws -> T
    ) async throws -> T {
        let options = options(dataDirectory, clocks)
        return try await InProcessDaemon.with(options) { daemon in
            try await body(daemon, APIClient(port: daemon.port, tokens: options.tokens))
        }
    }

    /// Monday at 10:00: three tickets with phone numbers.
    static func mondayWithThreeContacts(_ dataDirectory: String, _ clocks: SteppingClocks) async throws {
        try await withDaemon(dataDirectory, clocks) { _, api in
            for phone in phones {
                let answer = try await api.take("A", phone: phone)
                #expect(answer.status == 201, "\(answer.text)")
            }
        }
    }

    /// A fresh data directory (the caller removes it) with Monday's three contacts journaled;
    /// then the PC boots with its wall clock a day ahead: a daemon started now starts Tuesday
    /// (it cannot know).
    static func tuesdayAfterMondaysContacts() async throws -> (String, SteppingClocks) {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-wall-clock-" + UUID().uuidString
        let clocks = SteppingClocks()
        do {
            try await mondayWithThreeContacts(dataDirectory, clocks)
        } catch {
            try? FileManager.default.removeItem(atPath: dataDirectory)
            throw error
        }
        clocks.stepWall(86_400)
        return (dataDirectory, clocks)
    }

    static func mondayPhones(_ daemon: InProcessDaemon) throws -> [String] {
        try daemon.daemon.store.contacts(on: monday).sorted { $0.ticket < $1.ticket }.compactMap { $0.phone?.digits }
    }

    @Test func aNewDayPurgesThePreviousDaysNumbersOnlyAfterTwoHoursWithoutAClockWarning() async throws {
        let (dataDirectory, clocks) = try await Self.tuesdayAfterMondaysContacts()
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        try await Self.withDaemon(dataDirectory, clocks) { daemon, api in
            _ = try await daemon.hall.execute(.tick)
            #expect(await daemon.hall.read { $0.date } == BusinessDate(year: 2026, month: 3, day: 3))
            #expect(try Self.mondayPhones(daemon) == Self.phones, "purged at once on the wall clock's word")
            #expect(await daemon.hall.holdsMessages(of: Self.monday), "Monday's pending messages wait too")

            clocks.pass(3600)
            await daemon.hall.watchClock()
            #expect(try Self.mondayPhones(daemon) == Self.phones)

            // The wall clock steps 10 minutes: the warning stands, and time no longer counts.
            clocks.stepWall(600)
            await daemon.hall.watchClock()
            let health = try await api.get("/healthz")
            #expect(health.json?["clock"]?.stringValue == "warning", "\(health.text)")
            #expect(health.json?["clock_skew_s"]?.intValue == 600)
            let hall = try await api.get("/v1/hall", as: .supervisor)
            #expect(hall.json?["clock"]?["state"]?.stringValue == "warning", "\(hall.text)")
            #expect(hall.json?["clock"]?["skew_s"]?.intValue == 600)
            let window = try await api.get("/v1/windows/1", as: .window("1"))
            #expect(window.json?["clock"]?.stringValue == "warning", "\(window.text)")
            let hallTime = daemon.hall.now()
            clocks.pass(3600)
            #expect(daemon.hall.now().timeIntervalSince(hallTime) == 3600, "hall time keeps the monotonic clock's pace")
            await daemon.hall.watchClock()
            #expect(try Self.mondayPhones(daemon) == Self.phones, "two hours since the day began, but not without a warning")

            // The clocks agree again: two warning-free hours from now.
            clocks.stepWall(-600)
            await daemon.hall.watchClock()
            #expect(try await api.get("/healthz").json?["clock"]?.stringValue == "ok")
            #expect(try await api.get("/v1/windows/1", as: .window("1")).json?["clock"] == nil)
            clocks.pass(7199)
            await daemon.hall.watchClock()
            #expect(try Self.mondayPhones(daemon) == Self.phones)
            #expect(await daemon.hall.holdsMessages(of: Self.monday))
            clocks.pass(1)
            await daemon.hall.watchClock()
            #expect(try Self.mondayPhones(daemon).isEmpty, "two hours without a warning: the previous day's numbers go")
            #expect(await !daemon.hall.holdsMessages(of: Self.monday))
        }
    }

    @Test func aSupervisorsConfirmationPurgesAtOnceAndAWallClockBehindIsRefused() async throws {
        let (dataDirectory, clocks) = try await Self.tuesdayAfterMondaysContacts()
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        try await Self.withDaemon(dataDirectory, clocks) { daemon, api in
            _ = try await daemon.hall.execute(.tick)
            #expect(try Self.mondayPhones(daemon) == Self.phones)

            // A wall clock stepped back an hour: hall time does not follow, the warning stands,
            // and a confirmation cannot take it (only a restart can).
            clocks.stepWall(-3600)
            await daemon.hall.watchClock()
            let behind = try await api.post("/v1/admin/clock/confirm", as: .supervisor)
            expectError(behind, 409, "clock_behind_hall")
            #expect(try await api.get("/healthz").json?["clock"]?.stringValue == "warning")
            #expect(try Self.mondayPhones(daemon) == Self.phones)

            // The wall clock is set right again, and a supervisor confirms: purged at once.
            clocks.stepWall(3600)
            await daemon.hall.watchClock()
            let confirmed = try await api.post("/v1/admin/clock/confirm", as: .admin)
            #expect(confirmed.status == 200, "\(confirmed.text)")
            #expect(confirmed.json?["clock"]?["state"]?.stringValue == "ok")
            #expect(confirmed.json?["hall_time"]?.stringValue == "2026-03-03 10:00:00")
            #expect(try Self.mondayPhones(daemon).isEmpty)
            expectError(try await api.post("/v1/admin/clock/confirm", as: .window("1")), 403, "forbidden")
        }
    }

    @Test func aSupervisorsConfirmationTakesAWallClockThatIsAhead() async throws {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-wall-clock-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let clocks = SteppingClocks()
        try await Self.withDaemon(dataDirectory, clocks) { daemon, api in
            _ = try await daemon.hall.execute(.tick)
            // A slow RTC put right by NTP: the wall clock jumps 5 minutes ahead.
            clocks.stepWall(300)
            await daemon.hall.watchClock()
            #expect(daemon.hall.health.clockWarning)
            #expect(daemon.hall.now() == ManualClock.instant("10:00"), "the hall keeps its own time until told")
            let confirmed = try await api.post("/v1/admin/clock/confirm", as: .supervisor)
            #expect(confirmed.json?["hall_time"]?.stringValue == "2026-03-02 10:05:00", "\(confirmed.text)")
            #expect(!daemon.hall.health.clockWarning)
            #expect(daemon.hall.now() == ManualClock.instant("10:05"))
        }
    }

    /// After a restart the date is the wall clock's: a later day in the journal (written while
    /// the clock was ahead) does not stop the start, and the day resumes from its own events;
    /// a wall clock behind its own day's last event is still refused (never stamped backwards).
    @Test func aRestartResumesTheWallClocksDayButNeverStampsItBackwards() async throws {
        let (dataDirectory, clocks) = try await Self.tuesdayAfterMondaysContacts()
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        try await Self.withDaemon(dataDirectory, clocks) { daemon, _ in _ = try await daemon.hall.execute(.tick) }

        // Monday 09:00: before Monday's own tickets (10:00): refused.
        clocks.stepWall(-86_400 - 3600)
        await #expect(throws: ClockBehindJournal.self) { try await KioskDaemon(Self.options(dataDirectory, clocks)) }
        // Monday 10:05: Tuesday's beginning is later in the journal, Monday resumes.
        clocks.stepWall(3900)
        try await Self.withDaemon(dataDirectory, clocks) { daemon, api in
            #expect(await daemon.hall.read { $0.date } == Self.monday)
            #expect(await daemon.hall.read { $0.waitingTickets.map(\.number) } == ["A001", "A002", "A003"])
            let next = try await api.take("A")
            #expect(next.json?["ticket"]?.stringValue == "A004", "\(next.text)")
        }
    }

    @Test func automaticRecallsKeepWorkingWhenTheWallClockStepsBack() async throws {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-wall-clock-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let clocks = SteppingClocks()
        try await Self.withDaemon(dataDirectory, clocks) { daemon, api in
            #expect(try await api.take("A").status == 201)
            #expect(try await api.window("1", "call").status == 200)
            clocks.stepWall(-3600)
            clocks.pass(Double(HallConfig.defaultHall.recall.intervalSeconds) + 1)
            let outcome = try await daemon.hall.execute(.tick)
            #expect(outcome.events.contains { if case .recalled(ticket: "A001", counter: "1", n: _) = $0.kind { true } else { false } })
            #expect(outcome.events.allSatisfy { $0.at >= ManualClock.instant("10:00") }, "nothing stamped in the past")
        }
    }
}
