import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// A reply is journaled with what it did, so the day's figures (and a period's report) are one
/// fold over the events: received, acknowledged, cancelled by reply, set aside, no-shows avoided.
@Suite struct ReplyFiguresTests {
    @Test func aReplyIsJournaledThenActedOn() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        #expect(try hall.run(.reply(ticket: "A001", answer: .acknowledge), at: "09:01").map(\.kind)
            == [.replied(ticket: "A001", answer: .acknowledge), .acknowledged(ticket: "A001")])
        // A second "1" is counted, and changes nothing.
        #expect(try hall.run(.reply(ticket: "A001", answer: .acknowledge), at: "09:02").map(\.kind) == [.replied(ticket: "A001", answer: .acknowledge)])
        #expect(try hall.run(.reply(ticket: "A001", answer: .other), at: "09:03").map(\.kind) == [.replied(ticket: "A001", answer: .other)])
        #expect(try hall.run(.reply(ticket: "A001", answer: .cancel), at: "09:04").map(\.kind)
            == [.replied(ticket: "A001", answer: .cancel), .cancelled(ticket: "A001")])
        hall.expectRefusal(.reply(ticket: "A001", answer: .acknowledge), at: "09:05", .invalidTransition(ticket: "A001", state: "cancelled", action: "reply"))
        hall.expectConsistent()
    }

    @Test func theFiguresOfADayAndOfItsReport() throws {
        var config = TestHall.config
        config.reply = ReplySettings(enabled: true, escalateAfterSeconds: 120)
        var hall = TestHall(config: config)
        func issue(_ priority: Bool, at clock: String) throws -> TicketNumber {
            try hall.run(.issue(service: "A", priority: priority, contact: true), at: clock).compactMap(\.issuedTicket).last!
        }
        let served = try issue(true, at: "09:00")
        try hall.callNext("1", at: "09:01")
        _ = try hall.tick(at: "09:03")                                     // set aside
        let leaving = try issue(false, at: "09:04")
        try hall.run(.reply(ticket: leaving, answer: .other), at: "09:05")
        try hall.run(.reply(ticket: leaving, answer: .cancel), at: "09:06")
        try hall.run(.unpark(counter: "1", ticket: served), at: "09:10")
        try hall.run(.reply(ticket: served, answer: .acknowledge), at: "09:10", plus: 5)
        try hall.run(.start(counter: "1"), at: "09:12")
        try hall.run(.finish(counter: "1"), at: "09:20")
        let lost = try issue(true, at: "09:30")
        try hall.callNext("1", at: "09:31")
        _ = try hall.tick(at: "09:33")                                     // set aside, never served
        try hall.run(.cancel(ticket: try issue(false, at: "09:40")), at: "09:41")   // at the kiosk: not a reply
        #expect(hall.ticket(lost)?.escalated == true)

        var figures = ReplyFigures()
        for event in hall.events { figures.fold(event) }
        #expect((figures.received, figures.acknowledged, figures.cancelled, figures.escalated, figures.noShowsAvoided) == (3, 1, 1, 2, 1))

        var builder = ReportBuilder(config: config)
        builder.beginDay(TestHall.monday)
        for event in hall.events { builder.fold(event) }
        let report = builder.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(report.replies == figures)
        #expect(report.jsonValue["replies"]?["no_shows_avoided"]?.intValue == 1)
        #expect(report.jsonValue["replies"]?["received"]?.intValue == 3)
        #expect(report.table(columns: { $0.count }).contains("免于过号 no-shows avoided 1"), "\(report.table(columns: { $0.count }))")
    }
}
