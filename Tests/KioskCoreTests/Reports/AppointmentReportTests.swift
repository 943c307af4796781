import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Issue 21, item 5: appointments in the report (`kiosk report`, `GET /v1/reports`, the
/// console's report page), folded from the day's events: how the bookings ended, the rates, and
/// the appointments' waits from their slot beside the walk-ins' from their ticket.
@Suite struct AppointmentReportTests {
    /// 09:00: 600001 checks in early and is called at 09:03; 600002 is released at 09:10 and
    /// comes at 09:20 (a walk-in ticket); 09:30: 600003 never comes; 600004 was cancelled.
    static func morning(on date: BusinessDate = TestHall.monday) throws -> TestHall {
        var config = TestHall.config
        config.services[0].appointmentsPerSlot = 2
        var hall = TestHall(config: config, date: date)
        for (code, time) in [("600001", "09:00"), ("600002", "09:00"), ("600003", "09:30"), ("600004", "09:30")] {
            try hall.run(.bookAppointment(service: "A", date: date, time: ClockTime(time)!, code: code), at: "08:00")
        }
        try hall.run(.cancelAppointment(code: "600004"), at: "08:05")
        #expect(try hall.issue("A", at: "08:30") == "A001")
        try hall.run(.checkIn(code: "600001"), at: "08:40")
        #expect(try hall.callNext("1", at: "09:03") == "A002")
        try hall.run(.start(counter: "1"), at: "09:04")
        try hall.run(.finish(counter: "1"), at: "09:10")
        #expect(try hall.callNext("1", at: "09:11") == "A001")
        let late = try hall.run(.checkIn(code: "600002"), at: "09:20")
        #expect(late.compactMap(\.issuedTicket) == ["A003"])
        try hall.run(.tick, at: "09:41")
        return hall
    }

    @Test func bookingsByHowTheyEndedAndWaitsFromTheSlotBesideTheWalkIns() throws {
        let hall = try Self.morning()
        var figures = AppointmentReportFigures(calendar: hall.engine.calendar)
        for event in hall.events { figures.fold(event) }
        #expect((figures.booked, figures.onTime, figures.late, figures.noShow, figures.cancelled) == (3, 1, 1, 1, 1))
        #expect(figures.onTimeRate == 1.0 / 3 && figures.noShowRate == 1.0 / 3)
        // A002 (slot 09:00) called at 09:03; A001 (issued 08:30) called at 09:11.
        #expect(figures.appointmentWaits == [180])
        #expect(figures.walkInWaits == [41 * 60])

        var builder = ReportBuilder(config: hall.config)
        builder.beginDay(TestHall.monday)
        for event in hall.events { builder.fold(event) }
        let report = builder.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        let json = try #require(report.jsonValue["appointments"])
        #expect(json["booked"]?.intValue == 3 && json["checked_in"]?.intValue == 1 && json["late"]?.intValue == 1, "\(json)")
        #expect(json["no_show"]?.intValue == 1 && json["cancelled"]?.intValue == 1)
        #expect(json["wait_p50_s"]?.doubleValue == 180 && json["walk_in_wait_p50_s"]?.doubleValue == 2460)
        let text = report.table(columns: { $0.count })
        #expect(text.contains("预约 appointments 3: 按时签到 on time 1 (33%) · 迟到改现场 late 1 · 爽约 no-show 1 (33%) · 取消 cancelled 1"), "\(text)")
        let html = ReportHTML(report: report).document
        #expect(html.contains("<table id=\"appointments\">") && html.contains("<td>3</td><td>1</td><td>1</td><td>1</td><td>1</td>"), "\(html)")
    }

    /// A hall without appointments reports exactly as before: no section, no key.
    @Test func aPeriodWithoutAppointmentsHasNoSection() throws {
        var hall = TestHall()
        _ = try hall.issue("A", at: "08:30")
        _ = try hall.callNext("1", at: "08:40")
        var builder = ReportBuilder(config: hall.config)
        builder.beginDay(TestHall.monday)
        for event in hall.events { builder.fold(event) }
        let report = builder.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(report.appointments == nil)
        #expect(report.jsonValue["appointments"] == nil)
        #expect(!report.table(columns: { $0.count }).contains("预约"))
        #expect(!ReportHTML(report: report).document.contains("id=\"appointments\""))
    }

    /// A period adds up across days; a booking checked in late on one day is not a no-show.
    @Test func aPeriodAddsUpAcrossDays() throws {
        let tuesday = TestHall.monday.adding(days: 1)
        var builder = ReportBuilder(config: try Self.morning().config)
        for date in [TestHall.monday, tuesday] {
            builder.beginDay(date)
            for event in try Self.morning(on: date).events { builder.fold(event) }
        }
        let report = builder.report(from: TestHall.monday, to: TestHall.monday.adding(days: 1), today: TestHall.monday.adding(days: 1))
        let a = try #require(report.appointments)
        #expect((a.booked, a.onTime, a.late, a.noShow, a.cancelled) == (6, 2, 2, 2, 2))
        #expect(a.appointmentWaits == [180, 180])
    }
}
