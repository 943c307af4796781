import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Ticket numbers: letter + 3 digits per service and business date (Asia/Shanghai), reset
/// lazily by the first command of a new date, within the configured range, never reused.
@Suite struct NumberingTests {
    static let tuesday = BusinessDate(year: 2026, month: 3, day: 3)

    @Test func numbersCountUpFromOnePerService() throws {
        var hall = TestHall()
        #expect(try hall.issue("A", at: "09:00") == "A001")
        #expect(try hall.issue("A", at: "09:01") == "A002")
        #expect(try hall.issue("B", at: "09:02") == "B001")
        #expect(try hall.issue("A", priority: true, at: "09:03") == "A003")
        #expect(try hall.issue("B", at: "09:04") == "B002")
        #expect(hall.state.lastNumber == ["A": 3, "B": 2])
    }

    @Test func numbersKeepThreeDigitsUpToTheEndOfTheRange() throws {
        var hall = TestHall()
        var last = ""
        for _ in 0..<100 { last = try hall.issue("A", at: "09:00") }
        #expect(last == "A100")
        for _ in 0..<899 { last = try hall.issue("A", at: "09:00") }
        #expect(last == "A999")
    }

    @Test func localMidnightInShanghaiIsSixteenHundredUTC() {
        let calendar = TestHall().engine.calendar
        #expect(calendar.midnight(of: Self.tuesday) == Date(timeIntervalSince1970: 1_772_467_200))  // 2026-03-02T16:00:00Z
        #expect(calendar.businessDate(of: Date(timeIntervalSince1970: 1_772_467_199)) == TestHall.monday)
        #expect(calendar.businessDate(of: Date(timeIntervalSince1970: 1_772_467_200)) == Self.tuesday)
    }

    @Test func numberingStartsAgainOnTheFirstCommandOfANewBusinessDate() throws {
        var hall = TestHall()
        try hall.issue("A", override: "值班", at: "23:58")
        #expect(try hall.issue("A", override: "值班", at: "23:59") == "A002")
        hall.date = Self.tuesday
        let events = try hall.run(.issue(service: "A", priority: false, override: "值班"), at: "00:01")
        #expect(events.map(\.kind) == [
            .dayStarted(Self.tuesday),
            .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: "值班"),
        ])
        #expect(events.first?.at == Date(timeIntervalSince1970: 1_772_467_200))
        #expect(hall.state.date == Self.tuesday)
        #expect(hall.state.tickets.keys.sorted() == ["A001"])
        #expect(hall.ticket("A001")?.issuedAt == hall.at("00:01"))
        hall.expectConsistent()
    }

    @Test func theDayChangesAtSixteenHundredUTCNotAtUTCMidnight() throws {
        var hall = TestHall()
        let beforeMidnight = Date(timeIntervalSince1970: 1_772_467_200 - 0.5)
        let afterMidnight = Date(timeIntervalSince1970: 1_772_467_200 + 0.5)
        try hall.run(.issue(service: "B", priority: false, override: "值班"), at: beforeMidnight)
        try hall.run(.issue(service: "B", priority: false, override: "值班"), at: beforeMidnight)
        #expect(hall.state.date == TestHall.monday)
        #expect(hall.state.lastNumber["B"] == 2)
        let events = try hall.run(.issue(service: "B", priority: false, override: "值班"), at: afterMidnight)
        #expect(events.first?.kind == .dayStarted(Self.tuesday))
        #expect(events.last?.issuedTicket == "B001")
    }

    @Test func aTickOnTheNewDateStartsItEvenWithoutATicket() throws {
        var hall = TestHall()
        try hall.issue("A", at: "16:00")
        hall.date = Self.tuesday
        // Monday's afternoon session still has to close (at 17:00) before Tuesday starts.
        #expect(try hall.tick(at: "00:01") == [.sessionClosed(1), .dayStarted(Self.tuesday)])
        #expect(hall.state.tickets.isEmpty)
        #expect(hall.state.waiting.isEmpty)
        #expect(try hall.issue("A", at: "08:30") == "A001")
    }

    @Test func aRefusedCommandOnTheNewDateDoesNotStartIt() throws {
        var hall = TestHall()
        try hall.issue("A", at: "16:00")
        hall.date = Self.tuesday
        hall.expectRefusal(.issue(service: "A", priority: false), at: "07:00", .outsideHours(service: "A", opensAt: ClockTime("08:00")))
        #expect(hall.state.date == TestHall.monday)
        #expect(hall.ticket("A001") != nil)
    }

    @Test func yesterdaysTimersFireBeforeTheNewDayStarts() throws {
        var hall = TestHall()
        try hall.issue("A", at: "16:59")
        try hall.callNext("1", at: "23:59", plus: 30)
        hall.date = Self.tuesday
        let events = try hall.run(.tick, at: "09:00")
        // Recall n=1 at 00:00:30 would be past midnight: the old day ends first.
        #expect(events.map(\.kind) == [.dayStarted(Self.tuesday), .sessionOpened(0)])
    }

    @Test(arguments: [(first: 0, expected: ["A000", "A001", "A002"]), (first: 5, expected: ["A005", "A006", "A007"])])
    func firstNumberIsConfigurable(first: Int, expected: [TicketNumber]) throws {
        var config = TestHall.config
        config.numbering.first = first
        var hall = TestHall(config: config)
        var numbers: [TicketNumber] = []
        for minute in 0..<3 { numbers.append(try hall.issue("A", at: "09:0\(minute)")) }
        #expect(numbers == expected)
    }

    @Test func afterTheLastNumberTheServiceIsExhaustedEvenForASupervisor() throws {
        var config = TestHall.config
        config.numbering.last = 3
        var hall = TestHall(config: config)
        #expect(try hall.issue("A", at: "09:00") == "A001")
        #expect(try hall.issue("A", at: "09:01") == "A002")
        #expect(try hall.issue("A", at: "09:02") == "A003")
        let error = hall.expectRefusal(.issue(service: "A", priority: false), at: "09:03", .numbersExhausted(service: "A", last: 3))
        #expect(error?.code == "numbers_exhausted")
        hall.expectRefusal(.issue(service: "A", priority: true, override: "王主任"), at: "09:03", .numbersExhausted(service: "A", last: 3))
        #expect(try hall.issue("B", at: "09:04") == "B001")
        hall.date = Self.tuesday
        #expect(try hall.issue("A", at: "09:00") == "A001")
    }

    @Test func afterARestartNumberingContinuesWithoutReuse() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.issue("A", at: "09:01")
        try hall.issue("B", at: "09:02")
        try hall.run(.cancel(ticket: "A002"), at: "09:03")
        // A restart: a new engine folds the journal into a fresh state.
        let engine = QueueEngine(config: hall.config)
        var state = engine.replay(hall.events)
        #expect(state == hall.state)
        let events = try engine.execute(.issue(service: "A", priority: false), on: &state, at: hall.at("09:10"))
        #expect(events.map(\.issuedTicket) == ["A003"])
        let more = try engine.execute(.issue(service: "B", priority: false), on: &state, at: hall.at("09:11"))
        #expect(more.map(\.issuedTicket) == ["B002"])
    }

    @Test func aTransferredTicketKeepsItsNumberAndTakesNoneFromItsNewService() throws {
        var hall = try TestHall.a001Called(at: "09:01")
        try hall.run(.transfer(counter: "1", to: "B"), at: "09:02")
        #expect(try hall.issue("B", at: "09:03") == "B001")
        #expect(try hall.issue("A", at: "09:04") == "A002")
        #expect(Set(hall.state.tickets.keys) == ["A001", "A002", "B001"])
    }
}
