import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// A whole day as a trace file: the meta line, the events, and back to the same hall.
@Suite struct TraceDayTests {
    static let handWritten = """
    {"ev":"meta","version":1,"date":"2025-03-04","time_unit":"seconds since local midnight","config":{"sessions":[["08:30","12:00"],["14:30","17:30"]],"services":[{"code":"A","name":"ID card"},{"code":"B","name":"Pickup"}],"counters":[{"id":"1","services":["A","B"],"policy":"fifo"},{"id":"2","services":["B"],"policy":"service_order"}],"priority":{"every_n_normal":2,"scope":"counter"},"recall":{"interval_s":45.0,"max_recalls":1}},"sim":{"seed":1,"scenario":{"name":"tiny","counters":"not a hall config"}}}
    {"t":30600.0,"ev":"open","session":0}
    {"t":30654.8,"ev":"issue","ticket":"A001","service":"A","priority":0}
    {"t":30654.8,"ev":"call","ticket":"A001","counter":"1"}

    {"t":30680.0,"ev":"start","ticket":"A001","counter":"1"}
    {"t":30700.2,"ev":"issue","ticket":"B001","service":"B","priority":1}
    {"t":30700.2,"ev":"call","ticket":"B001","counter":"2"}
    {"t":30745.2,"ev":"recall","ticket":"B001","counter":"2","n":1}
    {"t":30790.2,"ev":"noshow","ticket":"B001","counter":"2"}
    {"t":30800.0,"ev":"pause","counter":"2"}
    {"t":31200.0,"ev":"finish","ticket":"A001","counter":"1"}
    {"t":31500.0,"ev":"resume","counter":"2"}
    {"t":43200.0,"ev":"close","session":0}
    {"t":43200.0,"ev":"end"}
    """

    @Test func readsAHandWrittenSimulatorStyleTrace() throws {
        let day = try TraceDay.read(jsonLines: Self.handWritten)
        #expect(day.date == BusinessDate(year: 2025, month: 3, day: 4))
        #expect(day.config.sessions.map(\.description) == ["08:30–12:00", "14:30–17:30"])
        #expect(day.config.services.map(\.code) == ["A", "B"])
        #expect(day.config.counters.map(\.policy) == [.fifo, .serviceOrder])
        #expect(day.config.priority == PriorityRule(everyNNormal: 2, scope: .counter))
        #expect(day.config.recall.intervalSeconds == 45)
        #expect(day.config.recall.maxRecalls == 1)
        #expect(day.events.count == 12)
        #expect(day.events.first?.kind == .sessionOpened(0))
        #expect(day.events.last?.kind == .sessionClosed(0))

        let engine = QueueEngine(config: day.config)
        let state = engine.replay(day.events)
        #expect(state.invariantViolations() == [])
        #expect(state.date == day.date)
        #expect(state.tickets["A001"]?.state == .done(at: engine.calendar.instant(on: day.date, secondsOfDay: 31_200)))
        #expect(state.tickets["A001"]?.issuedAt == engine.calendar.instant(on: day.date, secondsOfDay: 30_654.8))
        #expect(state.tickets["B001"]?.state == .noShow(at: engine.calendar.instant(on: day.date, secondsOfDay: 30_790.2)))
        #expect(state.tickets["B001"]?.priority == true)
        #expect(state.counters["1"]?.normalCallsSincePriority == 1)
        #expect(state.counters["2"]?.normalCallsSincePriority == 0)
        #expect(state.counters.values.allSatisfy { $0.isOpen && $0.current == nil })
        #expect(state.openSession == nil)
        #expect(state.sessionsOpened == 1)
    }

    @Test(arguments: [
        (text: #"{"t":1,"ev":"open","session":0}"#, line: 1, fragment: "the first line must be the meta line"),
        (text: "", line: 1, fragment: "empty trace"),
        (text: #"{"ev":"meta","version":2,"date":"2025-03-04","config":{}}"#, line: 1, fragment: "unsupported trace version"),
        (text: #"{"ev":"meta","version":1,"date":"4 March","config":{}}"#, line: 1, fragment: "meta.date must be YYYY-MM-DD"),
        (text: #"{"ev":"meta","version":1,"date":"2025-03-04"}"#, line: 1, fragment: "meta.config is missing"),
        (text: #"{"ev":"meta","version":1,"date":"2025-03-04","config":{"services":[]}}"#, line: 1, fragment: "meta.config:"),
    ])
    func badMetaLinesAreRefused(text: String, line: Int, fragment: String) {
        do {
            _ = try TraceDay.read(jsonLines: text)
            Issue.record("read a bad trace")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test func aBadEventLineIsReportedWithItsLineNumber() {
        var lines = Self.handWritten.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[6] = #"{"t":30700.2,"ev":"issue","ticket":"B001""#
        lines[8] = #"{"t":30745.2,"ev":"recall","ticket":"B001","counter":"2"}"#
        do {
            _ = try TraceDay.read(jsonLines: lines.joined(separator: "\n"))
            Issue.record("read a bad trace")
        } catch {
            #expect(error.line == 7, "\(error)")
            #expect(error.message.hasPrefix("JSON:"))
        }
        lines[6] = #"{"t":30700.2,"ev":"issue","ticket":"B001","service":"B","priority":1}"#
        do {
            _ = try TraceDay.read(jsonLines: lines.joined(separator: "\n"))
            Issue.record("read a bad trace")
        } catch {
            #expect(error.line == 9)
            #expect(error.message == #"recall: missing integer "n""#)
        }
    }

    /// A morning with at least one of every event kind, driven through the engine.
    static func busyMorning() throws -> TestHall {
        var hall = TestHall()
        try hall.run(.issue(service: "A", priority: false, contact: true), at: "08:00", plus: 0.25)
        try hall.issue("A", priority: true, at: "08:01")
        try hall.issue("B", at: "08:02")
        try hall.issue("C", at: "08:03")
        try hall.issue("C", override: "王主任", at: "08:04")
        try hall.serveNext("1", at: "08:10")
        try hall.callNext("2", at: "08:11")
        try hall.run(.tick, at: "08:15")  // B001: two recalls, then a no-show
        try hall.run(.reactivate(ticket: "B001", by: "王主任"), at: "08:16")
        try hall.callNext("2", at: "08:17")
        try hall.run(.start(counter: "2"), at: "08:18")
        try hall.run(.transfer(counter: "2", to: "C"), at: "08:20")
        try hall.run(.cover(counter: "1", covered: "3", by: "王主任"), at: "08:21")
        try hall.callNext("1", at: "08:22")
        try hall.run(.park(counter: "1"), at: "08:23")
        try hall.run(.unpark(counter: "1", ticket: hall.events.last!.ticket!), at: "08:30")
        try hall.run(.noShow(counter: "1"), at: "08:30", plus: 5)
        try hall.run(.uncover(counter: "1", by: "王主任"), at: "08:31")
        try hall.run(.cancel(ticket: "C002"), at: "08:32")
        try hall.run(.pause(counter: "3", until: hall.at("09:00")), at: "08:33")
        try hall.run(.closeCounter(counter: "2"), at: "08:34")
        try hall.run(.closeService(service: "B", by: "王主任"), at: "08:35")
        try hall.run(.tick, at: "10:00")
        try hall.run(.openCounter(counter: "2"), at: "10:01")
        try hall.run(.reopenService(service: "B", by: "王主任"), at: "10:02")
        try hall.run(.pause(counter: "2"), at: "10:03")
        try hall.run(.resume(counter: "2"), at: "10:04")
        try hall.run(.callTicket(counter: "3", ticket: hall.state.waiting.last!, by: "王主任"), at: "10:05")
        try hall.run(.tick, at: "13:00")
        return hall
    }

    @Test func exportThenReadThenReplayGivesTheSameHall() throws {
        let hall = try Self.busyMorning()
        #expect(Set(hall.events.map { TraceCodecTests.name($0.kind) }).count == 22)
        let text = TraceDay(date: TestHall.monday, config: hall.config, events: hall.events).jsonLines()
        let lines = text.split(separator: "\n")
        #expect(lines.count == hall.events.count + 2)
        #expect(lines.first?.hasPrefix(#"{"ev":"meta","version":1,"date":"2026-03-02""#) == true)
        #expect(lines.last?.hasSuffix(#""ev":"end"}"#) == true)

        let day = try TraceDay.read(jsonLines: text)
        #expect(day.date == TestHall.monday)
        #expect(day.config == hall.config)
        #expect(day.events == hall.events)
        #expect(QueueEngine(config: day.config).replay(day.events) == hall.state)
        // And once more: the export of what was read is the same text.
        #expect(day.jsonLines() == text)
    }

    /// A clerk's "back at" comes from a real clock, finer than the journal's millisecond.
    @Test func aPauseWithASubMillisecondBackAtSurvivesExportAndReplay() throws {
        var hall = TestHall()
        try hall.run(.pause(counter: "1", until: hall.at("09:30", plus: 0.000_4)), at: "09:00", plus: 0.123_4)
        let text = TraceDay(date: TestHall.monday, config: hall.config, events: hall.events).jsonLines()
        let day = try TraceDay.read(jsonLines: text)
        #expect(day.events == hall.events)
        #expect(QueueEngine(config: day.config).replay(day.events) == hall.state)
    }

    @Test func theDefaultHallSurvivesTheMetaLine() throws {
        let text = TraceDay(date: TestHall.monday, config: .defaultHall, events: []).jsonLines()
        let day = try TraceDay.read(jsonLines: text)
        #expect(day.config == HallConfig.defaultHall)
        #expect(day.events.isEmpty)
    }
}
