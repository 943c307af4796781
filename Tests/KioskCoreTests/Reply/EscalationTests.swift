import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// An elderly citizen who does not answer the call is set aside, not burned as a no-show; the
/// window goes on; everyone else follows the usual recalls. Step by step on the manual clock
/// (recall every 60 s, 2 recalls, so the usual no-show comes 180 s after the call).
@Suite struct EscalationTests {
    static func hall(escalateAfter: Double = 120, enabled: Bool = true) -> TestHall {
        var config = TestHall.config
        config.reply = ReplySettings(enabled: enabled, escalateAfterSeconds: escalateAfter, arrivalGraceSeconds: 300)
        return TestHall(config: config)
    }

    func issue(_ hall: inout TestHall, priority: Bool, contact: Bool = true, at clock: String, plus: Double = 0) throws -> TicketNumber {
        try hall.run(.issue(service: "A", priority: priority, contact: contact), at: clock, plus: plus).compactMap(\.issuedTicket).last!
    }

    @Test func anUnansweredPriorityCallIsSetAsideNotBurnedAndTheWindowCallsTheNext() throws {
        var hall = Self.hall()
        let elder = try issue(&hall, priority: true, at: "09:00")
        #expect(try hall.callNext("1", at: "09:01") == elder)
        let next = try issue(&hall, priority: false, at: "09:01", plus: 10)
        #expect(try hall.tick(at: "09:01", plus: 119) == [.recalled(ticket: elder, counter: "1", n: 1)])
        // 120 s: set aside instead of the second recall.
        #expect(try hall.tick(at: "09:01", plus: 120) == [.escalated(ticket: elder, counter: "1")])
        let ticket = try #require(hall.ticket(elder))
        #expect(ticket.state == .parked(counter: "1", since: hall.at("09:01", plus: 120)))
        #expect(ticket.escalated)
        #expect(hall.state.counters["1"]?.current == nil)
        #expect(try hall.callNext("1", at: "09:03") == next)
        // Never a no-show by the clock while it waits aside.
        try hall.run(.start(counter: "1"), at: "09:04")
        #expect(try hall.tick(at: "10:30").isEmpty)
        #expect(hall.ticket(elder)?.state == .parked(counter: "1", since: hall.at("09:01", plus: 120)))
        hall.expectConsistent()
    }

    @Test func calledBackItFollowsTheUsualRecallsAndCanStillBeServed() throws {
        var hall = Self.hall()
        let elder = try issue(&hall, priority: true, at: "09:00")
        try hall.callNext("1", at: "09:01")
        _ = try hall.tick(at: "09:03")
        #expect(hall.ticket(elder)?.escalated == true)
        // The citizen did not come back in time: called again, the usual recalls and no-show.
        try hall.run(.unpark(counter: "1", ticket: elder), at: "09:10")
        #expect(try hall.tick(at: "09:13") == [
            .recalled(ticket: elder, counter: "1", n: 1), .recalled(ticket: elder, counter: "1", n: 2),
            .noShow(ticket: elder, counter: "1", automatic: true),
        ])
        // Another elder is served when they come back: called back and started.
        let second = try issue(&hall, priority: true, at: "09:20")
        try hall.callNext("1", at: "09:21")
        _ = try hall.tick(at: "09:23")
        #expect(hall.ticket(second)?.escalated == true)
        try hall.run(.unpark(counter: "1", ticket: second), at: "09:40")
        try hall.run(.start(counter: "1"), at: "09:40", plus: 5)
        #expect(hall.ticket(second)?.state == .serving(counter: "1", since: hall.at("09:40", plus: 5)))
        hall.expectConsistent()
    }

    @Test func aNormalTicketOrOneWithoutAPhoneFollowsTheUsualRecalls() throws {
        for (priority, contact) in [(false, true), (true, false)] {
            var hall = Self.hall()
            let number = try issue(&hall, priority: priority, contact: contact, at: "09:00")
            try hall.callNext("1", at: "09:01")
            #expect(try hall.tick(at: "09:04") == [
                .recalled(ticket: number, counter: "1", n: 1), .recalled(ticket: number, counter: "1", n: 2),
                .noShow(ticket: number, counter: "1", automatic: true),
            ], "priority \(priority), contact \(contact)")
        }
    }

    /// Issue 22's leftover: deciding a set-aside citizen is not coming takes one step, even
    /// while the window serves someone else; only a ticket set aside there and still unanswered.
    @Test func aSetAsideTicketBecomesANoShowInOneStepWhileTheWindowServesTheNext() throws {
        var hall = Self.hall()
        let elder = try issue(&hall, priority: true, at: "09:00")
        try hall.callNext("1", at: "09:01")
        _ = try hall.tick(at: "09:03")
        let next = try issue(&hall, priority: false, at: "09:04")
        #expect(try hall.callNext("1", at: "09:05") == next)
        try hall.run(.start(counter: "1"), at: "09:06")
        hall.expectRefusal(.noShowAwaiting(counter: "2", ticket: elder), at: "09:07", .notParkedHere(ticket: elder, counter: "2"))
        #expect(try hall.run(.noShowAwaiting(counter: "1", ticket: elder), at: "09:08").map(\.kind)
            == [.noShow(ticket: elder, counter: "1", automatic: false)])
        #expect(hall.ticket(elder)?.state == .noShow(at: hall.at("09:08")))
        // The window still serves the next one.
        #expect(hall.ticket(next)?.state == .serving(counter: "1", since: hall.at("09:06")))
        #expect(hall.state.counters["1"]?.current == next)
        hall.expectRefusal(.noShowAwaiting(counter: "1", ticket: elder), at: "09:09", .notParkedHere(ticket: elder, counter: "1"))
        // Reactivated within the tolerance like any no-show.
        try hall.run(.reactivate(ticket: elder, by: "supervisor"), at: "09:10")
        #expect(hall.ticket(elder)?.state == .waiting)
        hall.expectConsistent()
    }

    @Test func onlyAnUnansweredSetAsideTicketSkipsTheCallBack() throws {
        var hall = Self.hall()
        // Parked by the clerk (a document to fetch): not set aside, so no one-step no-show.
        let parked = try issue(&hall, priority: false, at: "09:00")
        try hall.callNext("1", at: "09:01")
        try hall.run(.park(counter: "1"), at: "09:02")
        hall.expectRefusal(.noShowAwaiting(counter: "1", ticket: parked), at: "09:03",
                           .invalidTransition(ticket: parked, state: "parked", action: "mark no-show without calling it back"))
        // Set aside, then the citizen answers "1": they are on their way, call them back instead.
        let elder = try issue(&hall, priority: true, at: "09:04")
        try hall.callNext("1", at: "09:05")
        _ = try hall.tick(at: "09:07")
        #expect(hall.ticket(elder)?.escalated == true)
        try hall.run(.reply(ticket: elder, answer: .acknowledge), at: "09:08")
        hall.expectRefusal(.noShowAwaiting(counter: "1", ticket: elder), at: "09:09",
                           .invalidTransition(ticket: elder, state: "acknowledged", action: "mark no-show without calling it back"))
        hall.expectRefusal(.noShowAwaiting(counter: "1", ticket: "A999"), at: "09:09", .unknownTicket("A999"))
        hall.expectRefusal(.noShowAwaiting(counter: "9", ticket: elder), at: "09:09", .unknownCounter("9"))
    }

    @Test func withRepliesOffAPriorityTicketFollowsTheUsualRecalls() throws {
        var hall = Self.hall(enabled: false)
        let elder = try issue(&hall, priority: true, at: "09:00")
        try hall.callNext("1", at: "09:01")
        #expect(try hall.tick(at: "09:04").last == .noShow(ticket: elder, counter: "1", automatic: true))
    }

    @Test func theNoShowIsHeldEvenWhenEscalationWouldComeLater() throws {
        var hall = Self.hall(escalateAfter: 600)
        let elder = try issue(&hall, priority: true, at: "09:00")
        try hall.callNext("1", at: "09:01")
        #expect(try hall.tick(at: "09:10") == [
            .recalled(ticket: elder, counter: "1", n: 1), .recalled(ticket: elder, counter: "1", n: 2),
            .escalated(ticket: elder, counter: "1"),
        ])
        #expect(hall.ticket(elder)?.state == .parked(counter: "1", since: hall.at("09:01", plus: 180)))
    }

    @Test func anAcknowledgedCitizenGetsTheArrivalGraceThenTheUsualRecalls() throws {
        var hall = Self.hall()
        let elder = try issue(&hall, priority: true, at: "09:00")
        try hall.callNext("1", at: "09:01")
        try hall.run(.acknowledge(ticket: elder), at: "09:01", plus: 30)
        #expect(try hall.tick(at: "09:01", plus: 299).isEmpty)
        #expect(try hall.tick(at: "09:01", plus: 300) == [.recalled(ticket: elder, counter: "1", n: 1)])
        #expect(try hall.tick(at: "09:01", plus: 420) == [
            .recalled(ticket: elder, counter: "1", n: 2), .noShow(ticket: elder, counter: "1", automatic: true),
        ])
        hall.expectConsistent()
    }

    @Test func theCaretakerGetsOneMoreMessageAndTheCitizenNone() throws {
        var hall = Self.hall()
        let elder = try issue(&hall, priority: true, at: "09:00")
        try hall.callNext("1", at: "09:01")
        let events = try hall.run(.tick, at: "09:03")
        let contact = TicketContact(ticket: elder, phone: PhoneNumber("13800138000"), caretaker: PhoneNumber("13900139000"))
        let drafts = NotificationTriggers(config: hall.config).drafts(for: events, in: hall.state, contacts: { _ in contact })
            .filter { $0.trigger == .escalated }
        #expect(drafts.map(\.recipient) == [.caretaker])
        #expect(drafts.first?.text.contains("\(elder)号已叫号但未确认") == true)
        #expect(drafts.first?.counter == "1")
        #expect(SMSTrigger.escalated.isCurrent(for: hall.ticket(elder)?.state, window: "1"))
    }

    @Test func anEscalationRoundTripsThroughTheTraceCodec() throws {
        let hall = TestHall()
        let codec = TraceCodec(calendar: hall.engine.calendar, date: TestHall.monday)
        let event = HallEvent(at: hall.at("09:03"), .escalated(ticket: "A001", counter: "1"))
        #expect(codec.encode(event)["ev"]?.stringValue == "escalate")
        #expect(try codec.decode(codec.encode(event)) == event)
    }
}
