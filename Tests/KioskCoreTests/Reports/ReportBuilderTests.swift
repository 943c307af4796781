import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The report fold on a morning small enough to compute by hand (every figure below is worked
/// out in the comments from the commands, not read back from the code).
@Suite struct ReportBuilderTests {
    /// 08:00 opens; A001 08:00, A002 08:02, B001 08:04. Window 1 serves A001 (called 08:10,
    /// start 08:10:30, finish 08:20); window 2 serves B001 (08:20, 08:20:30, 08:31); window 1
    /// calls A002 at 08:40 and transfers it to B at 08:40:30; window 2 calls it at 08:45,
    /// starts 08:45:30, finishes 08:50; window 3 pauses 08:30–08:50; A002's citizen rates 2 at 08:52.
    static func morning() throws -> TestHall {
        var hall = TestHall()
        try hall.run(.tick, at: "08:00")
        try hall.issue("A", at: "08:00")
        try hall.issue("A", at: "08:02")
        try hall.issue("B", at: "08:04")
        #expect(try hall.callNext("1", at: "08:10") == "A001")
        try hall.run(.start(counter: "1"), at: "08:10", plus: 30)
        try hall.run(.finish(counter: "1"), at: "08:20")
        #expect(try hall.callNext("2", at: "08:20") == "B001")
        try hall.run(.start(counter: "2"), at: "08:20", plus: 30)
        try hall.run(.pause(counter: "3"), at: "08:30")
        try hall.run(.finish(counter: "2"), at: "08:31")
        #expect(try hall.callNext("1", at: "08:40") == "A002")
        try hall.run(.transfer(counter: "1", to: "B"), at: "08:40", plus: 30)
        #expect(try hall.callNext("2", at: "08:45") == "A002")
        try hall.run(.start(counter: "2"), at: "08:45", plus: 30)
        try hall.run(.finish(counter: "2"), at: "08:50")
        try hall.run(.resume(counter: "3"), at: "08:50")
        try hall.run(.rate(counter: "2", score: 2, reason: "等候时间长"), at: "08:52")
        return hall
    }

    static func report(_ hall: TestHall, config: HallConfig = TestHall.config) -> HallReport {
        var builder = ReportBuilder(config: config)
        builder.beginDay(TestHall.monday)
        for event in hall.events { builder.fold(event) }
        return builder.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
    }

    @Test func hallFiguresOfAMorning() throws {
        let r = Self.report(try Self.morning())
        #expect(r.hall.issued == 3)
        #expect(r.hall.served == 3)
        #expect(r.hall.transferred == 1)
        #expect(r.hall.noShow == 0)
        // Waits 600, 960, 2280 s: nearest-rank p50 = the 2nd, p90 = the 3rd (ceil(2.7)).
        #expect(r.hall.waitP50 == 960)
        #expect(r.hall.waitP90 == 2280)
        #expect(r.hall.waitMax == 2280)
        // Service times 570, 630, 270 → sorted 270, 570, 630.
        #expect(r.hall.serveP50 == 570)
        #expect(r.hall.serveP90 == 630)
        // Target 20 min: 600 and 960 within, 2280 not.
        #expect(r.hall.withinTargetShare == 2.0 / 3.0)
    }

    @Test func serviceFiguresFollowIssueForWaitsAndFinishForServing() throws {
        let r = Self.report(try Self.morning())
        let a = try #require(r.services.first { $0.code == "A" }).figures
        let b = try #require(r.services.first { $0.code == "B" }).figures
        #expect((a.issued, a.served, a.transferred) == (2, 1, 1))
        #expect(a.waitP50 == 600)
        #expect(a.waitP90 == 2280)
        #expect(a.withinTargetShare == 0.5)
        #expect(a.serveP50 == 570)
        // B: B001 and the transferred A002 finished as B.
        #expect((b.issued, b.served, b.transferred) == (1, 2, 0))
        #expect(b.waitP50 == 960)
        #expect(b.serveP50 == 270)
        #expect(b.serveP90 == 630)
        let c = try #require(r.services.first { $0.code == "C" }).figures
        #expect(c.waitP50 == nil && c.withinTargetShare == nil)
    }

    @Test func windowTimeIsServingIdleAndPausedFromTheFirstOpening() throws {
        let r = Self.report(try Self.morning())
        let w1 = try #require(r.windows.first { $0.id == "1" })
        let w2 = try #require(r.windows.first { $0.id == "2" })
        let w3 = try #require(r.windows.first { $0.id == "3" })
        // Open 08:00 → last event 08:52 = 3120 s for every window.
        #expect(w1.time.open == 3120 && w2.time.open == 3120 && w3.time.open == 3120)
        // Window 1: 08:10–08:20 and 08:40–08:40:30 with a ticket.
        #expect(w1.time.serving == 630)
        #expect(w1.time.utilisation == 630.0 / 3120.0)
        #expect(w1.served == 1)
        // Window 2: 08:20–08:31 and 08:45–08:50.
        #expect(w2.time.serving == 960)
        #expect(w2.served == 2)
        // Window 3: paused 08:30–08:50, idle otherwise.
        #expect(w3.time.paused == 1200)
        #expect(w3.time.idle == 1920)
        let segments = try #require(r.timeline.first { $0.window == "3" }).segments
        #expect(segments.map(\.state) == ["idle", "paused", "idle"])
        let starts: [Double] = [28_800, 30_600, 31_800]
        #expect(segments.map(\.start) == starts)
    }

    @Test func halfHoursCountArrivalsAndFinishes() throws {
        let r = Self.report(try Self.morning())
        #expect(r.halfHours == [
            HallReport.HalfHour(start: 8 * 3600, issued: 3, served: 1),
            HallReport.HalfHour(start: 8 * 3600 + 1800, issued: 0, served: 2),
        ])
    }

    @Test func ratingsAndTheBadRatingsFollowUp() throws {
        let r = Self.report(try Self.morning())
        #expect(r.ratings.counts == [1: 0, 2: 1, 3: 0, 4: 0, 5: 0])
        let bad = try #require(r.ratings.bad.first)
        #expect(bad.rating.ticket == "A002")
        #expect(bad.rating.service == "B")
        #expect(bad.rating.counter == "2")
        #expect(bad.id == "20260302-A002")
        // 15 working days after Monday 2 March 2026: Monday 23 March.
        #expect(bad.due == BusinessDate(year: 2026, month: 3, day: 23))
        let json = r.jsonValue
        #expect(json["ratings"]?["counts"]?["2"] == .number(1))
        #expect(json["ratings"]?["counts"]?["5"] == .number(0))
    }

    @Test func perServiceTargetsDecideWithinTarget() throws {
        var config = TestHall.config
        config.targets = WaitTargets(defaultMinutes: 20, perService: ["A": 5])
        let r = Self.report(try Self.morning(), config: config)
        // A's waits 600 and 2280 are both over 5 minutes; B keeps the hall's 20.
        #expect(r.services.first { $0.code == "A" }?.figures.withinTargetShare == 0)
        #expect(r.services.first { $0.code == "B" }?.figures.withinTargetShare == 1)
        #expect(r.services.first { $0.code == "A" }?.targetWaitMinutes == 5)
    }

    @Test func theFixedJSONNamesAreThere() throws {
        let json = Self.report(try Self.morning()).jsonValue
        for key in ["issued", "served", "no_show"] { #expect(json["hall"]?[key] != nil, "hall.\(key)") }
        let service = try #require(json["services"]?.arrayValue?.first)
        for key in ["code", "issued", "served", "no_show", "wait_p50_s", "wait_p90_s", "wait_max_s", "serve_p50_s", "within_target_share"] {
            #expect(service[key] != nil, "services[].\(key)")
        }
        let window = try #require(json["windows"]?.arrayValue?.first)
        for key in ["id", "served", "utilisation"] { #expect(window[key] != nil, "windows[].\(key)") }
        #expect(json["ratings"]?["counts"]?["1"] != nil)
    }

    @Test func aPeriodAddsItsDays() throws {
        let day = try Self.morning()
        var builder = ReportBuilder(config: TestHall.config)
        builder.beginDay(TestHall.monday)
        for event in day.events { builder.fold(event) }
        var tuesday = TestHall(date: BusinessDate(year: 2026, month: 3, day: 3))
        try tuesday.run(.tick, at: "08:00")
        try tuesday.issue("A", at: "08:00")
        try tuesday.callNext("1", at: "08:30")
        builder.beginDay(tuesday.date)
        for event in tuesday.events { builder.fold(event) }
        let r = builder.report(from: TestHall.monday, to: tuesday.date, today: tuesday.date)
        #expect(r.days.count == 2)
        #expect(r.hall.issued == 4)
        // Waits 600, 960, 2280 and Tuesday's 1800: p50 = 2nd of 4.
        #expect(r.hall.waitP50 == 960)
        #expect(r.hall.waitMax == 2280)
        // The half hour 08:00 holds both days' arrivals.
        #expect(r.halfHours.first == HallReport.HalfHour(start: 8 * 3600, issued: 4, served: 1))
    }

    @Test(arguments: [
        ([], 50, nil), ([7.0], 50, 7.0), ([7.0], 90, 7.0), ([1.0, 2, 3, 4], 50, 2.0), ([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9.0),
        ([5.0, 1, 4, 2, 3], 90, 5.0), ([5.0, 1, 4, 2, 3], 20, 1.0), ([5.0, 1, 4, 2, 3], 21, 2.0),
    ] as [([Double], Int, Double?)])
    func nearestRankPercentiles(values: [Double], p: Int, expected: Double?) {
        #expect(NearestRank.percentile(p, of: values) == expected)
    }

    @Test func htmlIsSelfContained() throws {
        let html = ReportHTML(report: Self.report(try Self.morning())).document
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(html.contains("<svg"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("20260302-A002"))
        #expect(html.contains("等候时间长"))
    }

    @Test func csvHasAHallRowAndOneRowPerService() throws {
        let csv = Self.report(try Self.morning()).csv
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 1 + 1 + TestHall.config.services.count)
        #expect(lines[1].hasPrefix("hall,,测试大厅,3,3,0,0,1,960,2280,2280,570,630,"))
        #expect(lines.contains { $0.hasPrefix("service,C,\"失业登记/失业证\"") || $0.hasPrefix("service,C,失业登记/失业证,0") })
    }
}
