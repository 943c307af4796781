import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// 不让百姓跑第二趟 on the test hall: sessions 08:00–12:00 and 14:00–17:00; service C only
/// 08:00–10:00.
@Suite struct ClosingTimeRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var service: ServiceCode
        var now: String
        var callAt: String
        var expected: TurnAfterClosing?
        var testDescription: String { "\(service) at \(now), called \(callAt)" }
    }

    static let cases: [Case] = [
        Case(service: "A", now: "09:00", callAt: "11:59", expected: nil),
        Case(service: "A", now: "09:00", callAt: "12:00", expected: nil),
        Case(service: "A", now: "11:30", callAt: "12:20", expected: TurnAfterClosing(
            service: "A", turnAt: ClockTime("12:20")!, sessionEnd: ClockTime("12:00")!, reopensAt: ClockTime("14:00")!)),
        Case(service: "A", now: "16:30", callAt: "17:05", expected: TurnAfterClosing(
            service: "A", turnAt: ClockTime("17:05")!, sessionEnd: ClockTime("17:00")!, reopensAt: nil)),
        // C's own hours end first.
        Case(service: "C", now: "09:30", callAt: "10:05", expected: TurnAfterClosing(
            service: "C", turnAt: ClockTime("10:05")!, sessionEnd: ClockTime("10:00")!, reopensAt: nil)),
        // Outside every session the engine's hours rule speaks, not this one.
        Case(service: "A", now: "12:30", callAt: "18:00", expected: nil),
    ]

    @Test(arguments: cases)
    func refusesATurnAfterTheSessionEnds(_ c: Case) throws {
        var hall = TestHall()
        try hall.run(.tick, at: c.now)
        let rule = ClosingTimeRule(engine: hall.engine)
        #expect(rule.refusal(service: c.service, callAt: hall.at(c.callAt), in: hall.state, at: hall.at(c.now)) == c.expected)
    }

    @Test func theRefusalSaysWhenToComeBack() {
        let later = TurnAfterClosing(service: "A", turnAt: ClockTime("12:20")!, sessionEnd: ClockTime("12:00")!, reopensAt: ClockTime("14:00")!)
        #expect(later.code == "closes_before_turn")
        #expect(later.message.hasPrefix("预计轮到您约12:20,晚于本时段结束(12:00),今天这个时段办不完,请于14:00后再来取号"))
        let tomorrow = TurnAfterClosing(service: "A", turnAt: ClockTime("17:05")!, sessionEnd: ClockTime("17:00")!, reopensAt: nil)
        #expect(tomorrow.message.contains("would come after closing time (17:00); please come back tomorrow"))
    }
}
