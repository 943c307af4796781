import Foundation
import KioskAPI
import KioskCore
import KioskWeb
import Testing

@Suite struct TicketPageTests {
    static let path = TicketPagePath(date: "2026-03-02", ticket: "A023", key: "0123456789abcdef0123")
    static let hall = TicketPage.Hall(
        name: "连城县人社局综合服务大厅", nameEN: "Liancheng Service Hall", address: "连城县北大东路 1 号",
        sessions: [TimeSpan(ClockTime(hour: 8, minute: 0), ClockTime(hour: 12, minute: 0))], reactivateMinutes: 30
    )

    static func render(_ status: TicketStatus, rating: Int? = nil, rateable: Bool = false, documents: [String] = ["身份证"]) throws -> String {
        let page = TicketPage(
            status: status, hall: hall, serviceNameEN: "Job-seeker registration", documents: documents, pagePath: path,
            rating: rating, rateable: rateable, updatedAt: "09:41:00"
        )
        return try #require(try WebTemplates().render(page, with: "ticket"))
    }

    @Test func aWaitingTicketShowsPeopleAheadTheEstimateAndWhatToBring() throws {
        var status = TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", issuedAt: "09:30:00", peopleAhead: 4)
        status.estimate = .init(minutes: 12, lowMinutes: 8, highMinutes: 18, explanation: "前面4人", explanationEN: "4 ahead")
        let html = try Self.render(status)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<p class=\"ticket-number\" id=\"number\">A023</p>"))
        #expect(html.contains("前面还有 <strong id=\"ahead\">4</strong> 人"))
        #expect(html.contains("About 12 min (8–18 min)"))
        #expect(html.contains("<li>身份证</li>"))
        #expect(html.contains("地址 连城县北大东路 1 号"))
        #expect(html.contains("08:00–12:00"))
        #expect(html.contains("data-stream=\"/t/2026-03-02/A023/events?k=0123456789abcdef0123\""))
        #expect(html.contains("<noscript><meta http-equiv=\"refresh\""))
        #expect(html.contains("href=\"\(WebAssets.stylesheet.path)\""))
        #expect(!html.contains("请到"))
    }

    /// Issue 21, item 7: where the service has a guide, the page lists its materials with
    /// originals or copies and counts, and the whole guide (Chinese first, an illustration
    /// marked) behind one tap; an appointment's ticket says its slot (预约).
    @Test func theServiceGuideAndAnAppointmentsSlot() throws {
        let service = try #require(HallConfig.defaultHall.service("C"))
        let guide = try #require(service.guide)
        var status = TicketStatus(ticket: "C004", service: "C", serviceName: service.name, issuedAt: "09:30:00", peopleAhead: 2)
        status.appointmentTime = "10:00"
        let page = TicketPage(
            status: status, hall: Self.hall, serviceNameEN: service.nameEN, documents: service.documents, pagePath: Self.path,
            rating: nil, rateable: false, updatedAt: "09:41:00", guide: guide
        )
        let html = try #require(try WebTemplates().render(page, with: "ticket"))
        #expect(html.contains("<p class=\"appointment\" id=\"appointment\"><span class=\"zh\">预约 10:00</span> <span class=\"en\">Appointment 10:00</span></p>"))
        for material in guide.materials { #expect(html.contains("<li>\(material.line)</li>"), "\(material.line)") }
        #expect(html.contains("<details class=\"card guide\" id=\"guide\">"))
        for section in GuideSection.allCases where guide.has(section) {
            #expect(html.contains("<h3>\(section.heading)"), "\(section)")
            for point in ServiceGuideText.body(of: section, in: guide) { #expect(html.contains("<p>\(point)</p>"), "\(point)") }
        }
        #expect(html.contains("承诺时限 Time limit"))
        if !guide.exampleSections.isEmpty { #expect(html.contains("以窗口告知为准")) }
        // Without a guide: the documents as before, no guide card, no slot for a walk-in.
        let plain = try Self.render(TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", issuedAt: "09:30:00", peopleAhead: 1))
        #expect(plain.contains("<li>身份证</li>") && !plain.contains("id=\"guide\"") && !plain.contains("id=\"appointment\""))
    }

    @Test func aCalledTicketSaysWhichWindowInBothLanguages() throws {
        let status = TicketStatus(
            ticket: "A023", service: "A", serviceName: "求职登记", state: "called", issuedAt: "09:30:00", counter: "3", counterName: "3号窗口", calls: 2
        )
        let html = try Self.render(status)
        #expect(html.contains("请到 <strong id=\"window\">3号窗口</strong>"))
        #expect(html.contains("Please go to Window 3"))
        #expect(html.contains("Call 2: please go now"))
    }

    @Test func aFinishedTicketOffersTheFiveLevelsOnceAndThanksAfter() throws {
        let done = TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", state: "done", issuedAt: "09:30:00")
        let open = try Self.render(done, rateable: true)
        #expect(open.contains("action=\"/t/2026-03-02/A023/rating?k=0123456789abcdef0123\""))
        for score in 1...5 { #expect(open.contains("name=\"score\" value=\"\(score)\"")) }
        let rated = try Self.render(done, rating: 4, rateable: true)
        #expect(!rated.contains("<form"))
        #expect(rated.contains("谢谢您的评价：满意"))
    }

    @Test func namesFromTheConfigAreEscaped() throws {
        let status = TicketStatus(ticket: "A023", service: "A", serviceName: "<script>alert(1)</script>", issuedAt: "09:30:00")
        let html = try Self.render(status, documents: ["\"><img src=x>"])
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func aTicketInReviewIsToldToWaitAndKeepItsNumber() throws {
        let inReview = try Self.render(TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", state: "in_review", issuedAt: "09:30:00"))
        #expect(inReview.contains("审核中，请在大厅稍候"))
        let reviewed = try Self.render(TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", state: "reviewed", issuedAt: "09:30:00"))
        #expect(reviewed.contains("即将再次叫号"))
    }

    @Test func aNamedWindowKeepsItsNameInEnglish() {
        let status = TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", state: "called", issuedAt: "09:30:00", counter: "7", counterName: "医保窗口")
        let part = TicketStatusPart(status: status, reactivateMinutes: 30, ratingURL: "", rating: nil, rateable: false, updatedAt: "")
        #expect(part.counterNameEN == "医保窗口 (Window 7)")
    }
}
