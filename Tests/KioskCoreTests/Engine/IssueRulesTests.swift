import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// When the kiosk may hand out a ticket: sessions, a service's own hours, quotas, closed
/// services, and the supervisor's audited override.
@Suite struct IssueRulesTests {
    /// Hall sessions 08:00–12:00 and 14:00–17:00; service C only 08:00–10:00.
    @Test(arguments: [
        (service: "A", clock: "07:59", opensAt: "08:00"),
        (service: "A", clock: "12:00", opensAt: "14:00"),
        (service: "A", clock: "13:59", opensAt: "14:00"),
        (service: "A", clock: "17:00", opensAt: nil),
        (service: "A", clock: "23:30", opensAt: nil),
        (service: "C", clock: "07:30", opensAt: "08:00"),
        (service: "C", clock: "10:00", opensAt: nil),
        (service: "C", clock: "15:00", opensAt: nil),
    ] as [(service: String, clock: String, opensAt: String?)])
    func issueOutsideHoursIsRefusedWithTheNextOpening(service: String, clock: String, opensAt: String?) throws {
        var hall = TestHall()
        try hall.run(.tick, at: "00:00", plus: 1)
        let error = hall.expectRefusal(.issue(service: service, priority: false), at: clock,
                                       .outsideHours(service: service, opensAt: opensAt.flatMap(ClockTime.init)))
        #expect(error?.code == "outside_hours")
    }

    @Test(arguments: [
        (service: "A", clock: "08:00"), (service: "A", clock: "11:59"), (service: "A", clock: "14:00"),
        (service: "A", clock: "16:59"), (service: "C", clock: "08:00"), (service: "C", clock: "09:59"),
    ])
    func issueInsideHoursIsAccepted(service: String, clock: String) throws {
        var hall = TestHall()
        #expect(try hall.issue(service, at: clock) == service + "001")
    }

    @Test func quotaRefusesTheTicketAfterTheLastOne() throws {
        var hall = TestHall()
        for minute in 0..<3 { try hall.issue("C", at: "08:0\(minute)") }
        hall.expectRefusal(.issue(service: "C", priority: true), at: "08:05", .quotaReached(service: "C", quota: 3))
        // Other services are not affected, and a served or cancelled ticket does not give one back.
        #expect(try hall.issue("A", at: "08:06") == "A001")
        try hall.run(.cancel(ticket: "C001"), at: "08:07")
        hall.expectRefusal(.issue(service: "C", priority: false), at: "08:08", .quotaReached(service: "C", quota: 3))
    }

    @Test func unknownServiceIsRefusedEvenWithAnOverride() throws {
        let hall = TestHall()
        hall.expectRefusal(.issue(service: "Z", priority: false), at: "09:00", .unknownService("Z"))
        hall.expectRefusal(.issue(service: "Z", priority: false, override: "王主任"), at: "09:00", .unknownService("Z"))
    }

    @Test func overrideIssuesOutsideHoursAndRecordsWhoDidIt() throws {
        var hall = TestHall()
        let events = try hall.run(.issue(service: "A", priority: false, override: "王主任"), at: "07:30")
        #expect(events.last?.kind == .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: "王主任"))
        #expect(hall.ticket("A001")?.state == .waiting)
        try hall.issue("C", override: "王主任", at: "16:00")
        #expect(hall.ticket("C001") != nil)
    }

    @Test func overrideIssuesPastTheQuota() throws {
        var hall = TestHall()
        for minute in 0..<3 { try hall.issue("C", at: "08:0\(minute)") }
        #expect(try hall.issue("C", override: "王主任", at: "08:05") == "C004")
        #expect(hall.state.issuedCount["C"] == 4)
        #expect(hall.events.last?.kind == .issued(ticket: "C004", service: "C", priority: false, contact: false, audit: "王主任"))
    }

    @Test func overrideIssuesForAClosedService() throws {
        var hall = TestHall()
        try hall.run(.closeService(service: "B", by: "王主任"), at: "09:00")
        hall.expectRefusal(.issue(service: "B", priority: false), at: "09:01", .serviceClosed("B"))
        #expect(try hall.issue("B", override: "李科长", at: "09:01") == "B001")
        #expect(hall.events.last?.kind == .issued(ticket: "B001", service: "B", priority: false, contact: false, audit: "李科长"))
        // The service stays closed for everyone else.
        hall.expectRefusal(.issue(service: "B", priority: false), at: "09:02", .serviceClosed("B"))
    }

    @Test func closedServiceIsReportedBeforeHoursAndQuota() throws {
        var hall = TestHall()
        for minute in 0..<3 { try hall.issue("C", at: "08:0\(minute)") }
        try hall.run(.closeService(service: "C", by: "王主任"), at: "08:05")
        hall.expectRefusal(.issue(service: "C", priority: false), at: "08:06", .serviceClosed("C"))
        hall.expectRefusal(.issue(service: "C", priority: false), at: "11:00", .serviceClosed("C"))
    }

    @Test func contactFlagIsRecordedWithoutTheNumber() throws {
        var hall = TestHall()
        let events = try hall.run(.issue(service: "A", priority: true, contact: true), at: "09:00")
        #expect(events.last?.kind == .issued(ticket: "A001", service: "A", priority: true, contact: true, audit: nil))
        #expect(hall.ticket("A001")?.hasContact == true)
    }
}
