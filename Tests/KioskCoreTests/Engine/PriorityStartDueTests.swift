import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Issue 14, point 11: a 老年人优先 hall with `every_n_normal: 2` sent the day's first call to
/// a normal ticket while a priority one waited. `priority.start_due` starts the count due.
@Suite struct PriorityStartDueTests {
    static func hall(everyN: Int, scope: PriorityRule.Scope = .hall, startDue: Bool) -> TestHall {
        var config = TestHall.config
        config.priority = PriorityRule(everyNNormal: everyN, scope: scope, startDue: startDue)
        config.recall.automatic = false
        return TestHall(config: config)
    }

    static func order(everyN: Int, scope: PriorityRule.Scope = .hall, startDue: Bool, pattern: String) throws -> String {
        var hall = Self.hall(everyN: everyN, scope: scope, startDue: startDue)
        _ = try CallRuleTests.issue(pattern, in: &hall)
        let order = try CallRuleTests.drain(&hall)
        hall.expectConsistent()
        return order
    }

    @Test func theFirstCallTakesAWaitingPriorityTicketWhenStartDue() throws {
        // The README's example: every_n_normal 2, a normal ticket first in line, two elderly behind.
        #expect(try Self.order(everyN: 2, startDue: true, pattern: "NPNNPN") == "PNNPNN")
        #expect(try Self.order(everyN: 2, scope: .counter, startDue: true, pattern: "NPNNPN") == "PNNPNN")
    }

    @Test func withoutItTheTraceFormatsRuleIsUnchanged() throws {
        #expect(try Self.order(everyN: 2, startDue: false, pattern: "NPNNPN") == "NNPNNP")
    }

    @Test func nothingChangesWhenNoPriorityTicketWaits() throws {
        #expect(try Self.order(everyN: 2, startDue: true, pattern: "NNNN") == "NNNN")
    }

    @Test func theConfigKeyIsReadAndWrittenOnlyWhenOn() throws {
        let on = try HallConfig.load(json: """
        {"sessions": [["08:00", "12:00"]], "priority": {"every_n_normal": 2, "start_due": true},
         "services": [{"code": "A", "name": "求职登记"}], "counters": [{"id": "1", "services": ["A"]}],
         "sms": {"signature": "【测试】"}}
        """)
        #expect(on.priority.startDue)
        #expect(on.jsonValue["priority"]?["start_due"] == .bool(true))
        #expect(try HallConfig.load(json: on.jsonValue.serialized()).priority.startDue)
        // A trace's config without the key keeps today's rule, so estimate comparisons hold.
        #expect(TestHall.config.jsonValue["priority"]?["start_due"] == nil)
        #expect(HallConfig.defaultHall.priority.startDue)
    }
}
