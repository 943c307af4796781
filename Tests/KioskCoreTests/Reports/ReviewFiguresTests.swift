import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// 即审 figures are one fold over the events: cases handed over, decided, approved, returned by
/// reason, waits for a reviewer and review times (nearest-rank), for the hall and per service,
/// in every report format.
@Suite struct ReviewFiguresTests {
    /// Three A cases and one B case through reviewer 9: A001 approved, A002 and A003 returned
    /// (two reasons), B001 approved; A001's first service 8 minutes, second 2.
    func day() throws -> TestHall {
        var hall = TestHall(config: ReviewTests.config)
        for _ in 0..<3 { try hall.issue("A", at: "09:00") }
        try hall.issue("B", at: "09:00")
        func handOver(_ window: CounterID, at clock: String) throws {
            try hall.run(.callNext(counter: window), at: clock)
            try hall.run(.start(counter: window), at: clock, plus: 10)
            try hall.run(.handToReview(counter: window, note: nil), at: clock, plus: 490)   // 8 min of service
        }
        try handOver("1", at: "09:01")                              // A001 handed over 09:09:10
        try hall.run(.takeReview(reviewer: "9"), at: "09:10", plus: 10)   // waited 60 s
        try hall.run(.approveReview(reviewer: "9"), at: "09:13", plus: 10) // 180 s
        try hall.run(.callNext(counter: "1"), at: "09:14")
        try hall.run(.start(counter: "1"), at: "09:14", plus: 20)
        try hall.run(.finish(counter: "1"), at: "09:16", plus: 20)      // second service 2 min
        try handOver("1", at: "09:20")                              // A002 handed over 09:28:10
        try handOver("2", at: "09:20")                              // B001 (window 2: B first)
        try hall.run(.takeReview(reviewer: "9"), at: "09:30", plus: 10)   // A002 waited 120 s
        try hall.run(.returnReview(reviewer: "9", reason: "缺身份证复印件"), at: "09:31", plus: 10)   // 60 s
        try hall.run(.takeReview(reviewer: "9"), at: "09:32", plus: 10)   // B001 waited 240 s
        try hall.run(.approveReview(reviewer: "9"), at: "09:37", plus: 10) // 300 s
        try handOver("1", at: "09:40")                              // the call back of A002 comes before A003
        return hall
    }

    @Test func theDaysFiguresInEveryFormat() throws {
        let hall = try day()
        #expect(hall.events.contains { $0.kind == .calledBack(ticket: "A002", counter: "1") })
        var figures = ReviewFigures()
        for event in hall.events { figures.fold(event) }
        // A002 came back at 09:40 and was handed over again: a second case, not yet taken.
        #expect(figures.hall.handedOver == 4)
        #expect(figures.hall.reviewed == 3)
        #expect(figures.hall.approved == 2)
        #expect(figures.hall.returnedByReason == ["缺身份证复印件": 1])
        #expect(figures.hall.waits.sorted() == [60, 120, 240])
        #expect(figures.hall.times.sorted() == [60, 180, 300])
        #expect((figures.hall.waitP50, figures.hall.waitP90, figures.hall.timeP50, figures.hall.timeP90) == (120, 240, 180, 300))
        #expect(figures.services["A"]?.handedOver == 3)
        #expect(figures.services["B"]?.approved == 1)
        #expect(figures.services["B"]?.waits == [240])

        var builder = ReportBuilder(config: hall.config)
        builder.beginDay(TestHall.monday)
        for event in hall.events { builder.fold(event) }
        let report = builder.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(report.reviews == figures.hall)
        #expect(report.services.first { $0.code == "A" }?.reviews == figures.services["A"])
        #expect(report.jsonValue["reviews"]?["returned_by_reason"]?["缺身份证复印件"]?.intValue == 1)
        #expect(report.jsonValue["reviews"]?["review_p90_s"]?.doubleValue == 300)
        #expect(report.jsonValue["services"]?.arrayValue?.first?["reviews"]?["handed_over"]?.intValue == 3)
        // A001's service time is both services: 8 minutes before the hand-off, 2 after.
        #expect(report.services.first { $0.code == "A" }?.figures.serveP50 == 600)

        let csv = report.csv.components(separatedBy: "\r\n")
        let header = csv[0].components(separatedBy: ",")
        let hallRow = csv[1].components(separatedBy: ",")
        func cell(_ name: String) throws -> String { hallRow[try #require(header.firstIndex(of: name), "\(name)")] }
        #expect(try cell("reviews_handed_over") == "4")
        #expect(try cell("reviews_returned") == "1")
        #expect(try cell("review_wait_p90_s") == "240")
        let text = report.table(columns: { $0.count })
        #expect(text.contains("即审 reviews: 送审 handed over 4 · 审结 reviewed 3 · 通过 approved 2 · 退回 returned 1"), "\(text)")
        #expect(text.contains("(缺身份证复印件 1)"))
        let html = ReportHTML(report: report).document
        #expect(html.contains("<tr><td>全厅 Hall</td><td>4</td><td>3</td><td>2</td><td>1</td><td>2.0 min</td><td>4.0 min</td><td>3.0 min</td><td>5.0 min</td><td class=\"text\">缺身份证复印件 1</td></tr>"), "\(html)")
        #expect(html.contains("<tr><td>B 职业介绍</td><td>1</td><td>1</td><td>1</td><td>0</td>"))
    }

    @Test func aDayWithoutReviewsSaysSo() {
        let report = ReportBuilder(config: TestHall.config).report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(ReportHTML(report: report).document.contains("无送审 No case was handed to review"))
        #expect(!report.table(columns: { $0.count }).contains("即审"))
    }
}
