import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Advice given and taken: a fold over committed events (the report's line, the daemon's
/// "given once while it stands").
@Suite struct AdviceLedgerTests {
    static let hall = TestHall()
    static func at(_ clock: String) -> Date { hall.at(clock) }
    static func given(_ id: String, at clock: String) -> HallEvent {
        HallEvent(at: at(clock), .adviceGiven(AdviceNote(id: id, longestBefore: 40, longestAfter: 20, pastTargetBefore: 5, pastTargetAfter: 2)))
    }

    @Test func theCommandThatMakesTheMoveTakesTheAdviceOnce() {
        var ledger = AdviceLedger()
        ledger.fold(Self.given("resume:3", at: "09:00"))
        ledger.fold(Self.given("cover:1:3", at: "09:00"))
        #expect(ledger.stands("resume:3", at: Self.at("09:10")))
        // Another window's resume, or a cover of another window, takes nothing.
        ledger.fold(HallEvent(at: Self.at("09:02"), .resumed(counter: "2")))
        ledger.fold(HallEvent(at: Self.at("09:02"), .coverStarted(counter: "1", covered: "2", audit: "supervisor")))
        #expect(ledger.taken == 0)
        ledger.fold(HallEvent(at: Self.at("09:03"), .resumed(counter: "3")))
        #expect(ledger.given == 2 && ledger.taken == 1)
        #expect(!ledger.stands("resume:3", at: Self.at("09:04")))
        // Resumed twice: still one advice taken.
        ledger.fold(HallEvent(at: Self.at("09:05"), .resumed(counter: "3")))
        #expect(ledger.taken == 1)
        #expect(ledger.textLine == "调度建议 staffing advice: 给出 given 2 / 采纳 taken 1")
    }

    @Test func anAdviceLapsesAfterItsStandingTime() {
        var ledger = AdviceLedger()
        ledger.fold(Self.given("open:3", at: "09:00"))
        #expect(ledger.stands("open:3", at: Self.at("09:30")))
        #expect(!ledger.stands("open:3", at: Self.at("09:31")))
        // Made long after: not taken (the supervisor did not act on it).
        ledger.fold(HallEvent(at: Self.at("09:45"), .counterOpened(counter: "3")))
        #expect(ledger.taken == 0)
        // Shown again later: given again.
        ledger.fold(Self.given("open:3", at: "10:00"))
        ledger.fold(HallEvent(at: Self.at("10:01"), .counterOpened(counter: "3")))
        #expect(ledger.given == 2 && ledger.taken == 1)
    }

    @Test func aServiceAddedByALiveConfigChangeTakesItsAdvice() {
        var config = TestHall.config
        var ledger = AdviceLedger()
        ledger.fold(Self.given("add_service:1:C", at: "09:00"))
        ledger.fold(HallEvent(at: Self.at("09:05"), .configChanged(version: 2, audit: "admin")), config: config)
        #expect(ledger.taken == 0)
        config.counters[0].services.append("C")
        ledger.fold(HallEvent(at: Self.at("09:06"), .configChanged(version: 3, audit: "admin")), config: config)
        #expect(ledger.taken == 1)
    }

    @Test func theReportCountsAdviceGivenAndTaken() {
        var hall = TestHall()
        var builder = ReportBuilder(config: hall.config)
        builder.beginDay(TestHall.monday)
        _ = try? hall.run(.tick, at: "08:00")
        _ = try? hall.run(.pause(counter: "3"), at: "08:30")
        for event in hall.events { builder.fold(event) }
        builder.fold(Self.given("resume:3", at: "09:00"))
        builder.fold(Self.given("cover:1:3", at: "09:00"))
        _ = try? hall.run(.resume(counter: "3"), at: "09:04")
        builder.fold(hall.events.last!)
        let report = builder.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(report.advice.given == 2 && report.advice.taken == 1)
        #expect(report.jsonValue["advice"] == ["given": 2, "taken": 1])
        #expect(report.table(columns: { $0.count }).contains("调度建议 staffing advice: 给出 given 2 / 采纳 taken 1"))
    }
}
