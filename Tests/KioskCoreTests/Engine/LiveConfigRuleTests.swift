import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// A new hall config while the hall runs: what the engine refuses, the state the new rules
/// take over, and a replay that switches config at the `config` event as the hall did.
struct LiveConfigRuleTests {
    /// Window 4 added for A and C; window 3 (C only) stays.
    static var withWindow4: HallConfig {
        var config = TestHall.config
        config.counters.append(CounterConfig(id: "4", services: ["A", "C"]))
        return config
    }

    @Test func aServiceSomebodyIsStillInCannotBeRemovedAndTheRefusalChangesNothing() throws {
        var hall = TestHall()
        try hall.issue("C", at: "09:00")
        try hall.issue("C", at: "09:01")
        try hall.callNext("3", at: "09:02")   // C001 called: still in the hall for C
        var withoutC = TestHall.config
        withoutC.services.removeAll { $0.code == "C" }
        withoutC.counters.removeAll { $0.id == "3" }
        let before = hall.state
        #expect(throws: QueueError.configChangeRefused(.serviceHasTickets(service: "C", count: 2))) {
            try hall.run(.changeConfig(withoutC, version: 2, by: "admin"), at: "09:03")
        }
        #expect(hall.state == before)
        // Served and gone: C can go, and so can its idle window.
        try hall.run(.noShow(counter: "3"), at: "09:04")
        try hall.serveNext("3", at: "09:05")
        let events = try hall.run(.changeConfig(withoutC, version: 2, by: "admin"), at: "09:06")
        #expect(events.last?.kind == .configChanged(version: 2, audit: "admin"))
        let adopted = QueueEngine(config: withoutC).adopting(hall.state)
        #expect(adopted.counters["3"] == nil && adopted.counters.count == 2)
    }

    @Test func aWindowHoldingATicketCannotBeRemovedButAnIdleOneGoesWithTheCoversOfIt() throws {
        var hall = TestHall()
        // Within seconds of the call: the automatic recall (every 60 s) has not run out.
        try hall.issue("A", at: "09:00")
        try hall.callNext("1", at: "09:01")
        try hall.run(.cover(counter: "2", covered: "3", by: "supervisor"), at: "09:01", plus: 5)
        var without1 = TestHall.config
        without1.counters.removeAll { $0.id == "1" }
        #expect(throws: QueueError.configChangeRefused(.windowHasTickets(window: "1", tickets: ["A001"]))) {
            try hall.run(.changeConfig(without1, version: 2, by: "admin"), at: "09:01", plus: 10)
        }
        // Parked counts too: the citizen comes back to that window.
        try hall.run(.park(counter: "1"), at: "09:01", plus: 20)
        #expect(throws: QueueError.configChangeRefused(.windowHasTickets(window: "1", tickets: ["A001"]))) {
            try hall.run(.changeConfig(without1, version: 2, by: "admin"), at: "09:01", plus: 30)
        }
        var without3 = TestHall.config
        without3.counters.removeAll { $0.id == "3" }
        without3.counters[1].services.append("C")
        try hall.run(.changeConfig(without3, version: 2, by: "admin"), at: "09:06")
        let adopted = QueueEngine(config: without3).adopting(hall.state)
        #expect(adopted.counters["3"] == nil)
        #expect(adopted.counters["2"]?.covering == [], "window 2's cover of the removed window 3 ends with it")
    }

    @Test func keysReadAtStartNeedARestart() {
        let engine = QueueEngine(config: TestHall.config)
        var zone = TestHall.config
        zone.timeZoneID = "Europe/Berlin"
        zone.limits.maxConnections = 100
        zone.sms.url = "http://127.0.0.1:9/sendsms"
        zone.sms.templates[.issued] = nil
        let refusal = engine.liveChangeRefusal(to: zone, in: engine.initialState())
        #expect(refusal == .restartRequired(keys: ["hall.time_zone", "limits", "sms.url"]), "templates apply live: \(String(describing: refusal))")
    }

    @Test func aReplaySwitchesConfigAtTheEventAndRebuildsTheHallThatRan() throws {
        // As the hall actor runs it: the change decided by the old rules, then adopted.
        var state = QueueEngine(config: TestHall.config).initialState()
        var rules = QueueEngine(config: TestHall.config)
        var events: [HallEvent] = []
        let calendar = rules.calendar
        func at(_ clock: String) -> Date { calendar.instant(on: TestHall.monday, at: ClockTime(clock)!) }
        func run(_ command: Command, _ clock: String) throws {
            let new = try rules.execute(command, on: &state, at: at(clock))
            events += new
            if case let .changeConfig(config, _, _) = command {
                rules = QueueEngine(config: config)
                state = rules.adopting(state)
            }
        }
        try run(.issue(service: "C", priority: false), "09:00")
        try run(.issue(service: "C", priority: false), "09:01")
        try run(.changeConfig(Self.withWindow4, version: 7, by: "admin"), "09:02")
        #expect(state.counters["4"] != nil)
        try run(.callNext(counter: "4"), "09:03")
        #expect(state.counters["4"]?.current == "C001")

        let (replayedRules, replayed) = QueueEngine(config: TestHall.config).replay(events, configs: [7: Self.withWindow4])
        #expect(replayed == state)
        #expect(replayedRules.config == Self.withWindow4)
        // Without the recorded config the replay keeps the old rules: the fold is total.
        #expect(QueueEngine(config: TestHall.config).replay(events, configs: [:]).engine.config == TestHall.config)
    }

    @Test func theConfigEventIsATraceLine() throws {
        let engine = QueueEngine(config: TestHall.config)
        let codec = TraceCodec(calendar: engine.calendar, date: TestHall.monday)
        let event = HallEvent(at: engine.calendar.instant(on: TestHall.monday, at: ClockTime("10:15")!), .configChanged(version: 12, audit: "admin"))
        let line = codec.encode(event)
        #expect(line["ev"] == "config" && line["version"] == 12 && line["audit"] == "admin")
        #expect(try codec.decode(line) == event)
    }

    @Test func theDiffSaysWhatChangedInLinesAnITPersonReads() {
        var new = Self.withWindow4
        new.name = "测试大厅二"
        new.services[0].name = "求职登记(新)"
        new.services[2].dailyQuota = 10
        new.services.append(ServiceConfig(code: "D", name: "档案查询"))
        new.counters[0].services = ["A", "B", "D"]
        let diff = HallConfigDiff(from: TestHall.config, to: new)
        #expect(diff.lines == [
            "hall.name: 测试大厅 → 测试大厅二",
            "service A: name 求职登记 → 求职登记(新)",
            "service C: daily_quota 3 → 10",
            "service D added: 档案查询",
            "window 1: services A,B → A,B,D",
            "window 4 added: 4号窗口 (A, C)",
        ])
        #expect(diff.addedWindows == ["4"] && diff.restartOnlyKeys.isEmpty)
        #expect(HallConfigDiff(from: new, to: new).isEmpty)
    }

    /// Services and windows read alike: what went first (in the old order), then what came
    /// or changed (in the new order); a new order of the same services is a line of its own.
    @Test func theDiffNamesWhatWentThenWhatCameOrChanged() {
        var new = Self.withWindow4
        new.services.removeAll { $0.code == "B" }
        new.services.reverse()
        new.services.append(ServiceConfig(code: "D", name: "档案查询"))
        new.counters.removeAll { $0.id == "2" }
        new.counters[0].services = ["A", "D"]
        let diff = HallConfigDiff(from: TestHall.config, to: new)
        #expect(diff.lines == [
            "service B removed: 职业介绍",
            "service D added: 档案查询",
            "window 2 removed: \(TestHall.config.counters[1].name)",
            "window 1: services A,B → A,D",
            "window 4 added: 4号窗口 (A, C)",
        ])
        #expect(diff.addedWindows == ["4"])

        var reordered = TestHall.config
        reordered.services.reverse()
        #expect(HallConfigDiff(from: TestHall.config, to: reordered).lines == ["services reordered: C B A"])
    }
}
