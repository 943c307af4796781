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
        #expect(figures.helpRequests == 1)

        var builder = ReportBuilder(config: config)
        builder.beginDay(TestHall.monday)
        for event in hall.events { builder.fold(event) }
        let report = builder.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(report.replies == figures)
        #expect(report.jsonValue["replies"]?["no_shows_avoided"]?.intValue == 1)
        #expect(report.jsonValue["replies"]?["received"]?.intValue == 3)
        #expect(report.table(columns: { $0.count }).contains("免于过号 no-shows avoided 1"), "\(report.table(columns: { $0.count }))")
        #expect(report.table(columns: { $0.count }).contains("求助 help 1"))
        #expect(report.jsonValue["replies"]?["help"]?.intValue == 1)
        // By service: every ticket here was issued for A.
        let serviceA = try #require(report.services.first { $0.code == "A" })
        #expect(serviceA.replies == figures)
        #expect(report.services.filter { $0.code != "A" }.allSatisfy { $0.replies == ReplyFigures() })
        #expect(report.jsonValue["services"]?.arrayValue?.first?["replies"]?["escalated"]?.intValue == 2)

        // CSV: the reply columns on the hall row and each service's.
        let csv = report.csv.components(separatedBy: "\r\n")
        let header = csv[0].components(separatedBy: ",")
        let names = ["replies_received", "replies_acknowledged", "replies_cancelled", "replies_help", "set_aside_unanswered", "no_shows_avoided"]
        let columns = try names.map { name in try #require(header.firstIndex(of: name), "\(name) in \(header)") }
        func replyCells(_ row: String) -> [String] { let cells = row.components(separatedBy: ","); return columns.map { cells[$0] } }
        #expect(replyCells(csv[1]) == ["3", "1", "1", "1", "2", "1"])
        let rowA = try #require(csv.first { $0.hasPrefix("service,A,") })
        #expect(replyCells(rowA) == ["3", "1", "1", "1", "2", "1"])

        // HTML: a table with the hall's row and A's, none for services without replies.
        let html = ReportHTML(report: report).document
        #expect(html.contains("<tr><td>全厅 Hall</td><td>3</td><td>1</td><td>1</td><td>1</td><td>2</td><td>1</td></tr>"), "\(html)")
        #expect(html.contains("<tr><td>A \(serviceA.name)</td><td>3</td><td>1</td><td>1</td><td>1</td><td>2</td><td>1</td></tr>"))
        #expect(html.components(separatedBy: "<tr><td>").count - 1 >= 2)
        let quiet = ReportBuilder(config: config).report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(ReportHTML(report: quiet).document.contains("无短信回复 No SMS replies"))
    }

    /// Numbers restart every day: a reply figure never carries a ticket into the next day's.
    @Test func aPeriodAddsUpTheDaysByService() throws {
        var config = TestHall.config
        config.reply = ReplySettings(enabled: true, escalateAfterSeconds: 120)
        var builder = ReportBuilder(config: config)
        for day in [TestHall.monday, TestHall.monday.adding(days: 1)] {
            var hall = TestHall(config: config, date: day)
            let number = try hall.run(.issue(service: "A", priority: false, contact: true), at: "09:00").compactMap(\.issuedTicket).last!
            try hall.run(.reply(ticket: number, answer: .other), at: "09:01")
            builder.beginDay(day)
            for event in hall.events { builder.fold(event) }
        }
        let report = builder.report(from: TestHall.monday, to: TestHall.monday.adding(days: 1), today: TestHall.monday)
        #expect(report.replies.helpRequests == 2)
        #expect(report.services.first { $0.code == "A" }?.replies.helpRequests == 2)
    }
}
