import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// What a citizen's SMS reply does to the queue: "1" acknowledges (once), "2" gives the ticket
/// up, even while it is called (the window is free at once).
@Suite struct ReplyCommandTests {
    @Test func acknowledgeMarksAWaitingTicketOnceAndSurvivesReplay() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        let events = try hall.run(.acknowledge(ticket: "A001"), at: "09:01")
        #expect(events.map(\.kind) == [.acknowledged(ticket: "A001")])
        #expect(hall.ticket("A001")?.acknowledged == true)
        #expect(hall.ticket("A001")?.state == .waiting)
        hall.expectRefusal(.acknowledge(ticket: "A001"), at: "09:02", .invalidTransition(ticket: "A001", state: "acknowledged", action: "acknowledge"))
        hall.expectConsistent()
    }

    @Test func acknowledgeKeepsACalledTicketAtItsWindow() throws {
        var hall = try TestHall.a001Called(at: "09:01")
        try hall.run(.acknowledge(ticket: "A001"), at: "09:01", plus: 30)
        #expect(hall.ticket("A001")?.acknowledged == true)
        #expect(hall.ticket("A001")?.state == .called(counter: "1", calls: 1, lastCallAt: hall.at("09:01")))
        #expect(hall.state.counters["1"]?.current == "A001")
        hall.expectConsistent()
    }

    @Test func acknowledgeIsRefusedOnceTheTicketIsServedOrGone() throws {
        var hall = try TestHall.a001Called(at: "09:01")
        try hall.run(.start(counter: "1"), at: "09:02")
        hall.expectRefusal(.acknowledge(ticket: "A001"), at: "09:03", .invalidTransition(ticket: "A001", state: "serving", action: "acknowledge"))
        hall.expectRefusal(.acknowledge(ticket: "A999"), at: "09:03", .unknownTicket("A999"))
    }

    @Test func withdrawWhileCalledFreesTheWindowAndTheNextOneIsCalled() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.issue("A", at: "09:00", plus: 10)
        try hall.callNext("1", at: "09:01")
        let events = try hall.run(.withdraw(ticket: "A001"), at: "09:01", plus: 20)
        #expect(events.map(\.kind) == [.cancelled(ticket: "A001")])
        #expect(hall.ticket("A001")?.state == .cancelled(at: hall.at("09:01", plus: 20)))
        #expect(hall.state.counters["1"]?.current == nil)
        // No recall or no-show timer is left for it.
        #expect(try hall.tick(at: "09:10") == [])
        #expect(try hall.callNext("1", at: "09:10") == "A002")
        hall.expectConsistent()
    }

    @Test func withdrawWhileWaitingMovesTheLineUp() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.issue("A", at: "09:00", plus: 10)
        #expect(hall.state.peopleAhead(of: "A002") == 1)
        try hall.run(.withdraw(ticket: "A001"), at: "09:02")
        #expect(hall.state.peopleAhead(of: "A002") == 0)
        hall.expectRefusal(.withdraw(ticket: "A001"), at: "09:03", .invalidTransition(ticket: "A001", state: "cancelled", action: "withdraw"))
        hall.expectConsistent()
    }

    @Test func theKiosksCancelStillRefusesACalledTicket() throws {
        let hall = try TestHall.a001Called(at: "09:01")
        hall.expectRefusal(.cancel(ticket: "A001"), at: "09:02", .invalidTransition(ticket: "A001", state: "called", action: "cancel"))
    }

    @Test func anAcknowledgementRoundTripsThroughTheTraceCodec() throws {
        let hall = TestHall()
        let codec = TraceCodec(calendar: hall.engine.calendar, date: TestHall.monday)
        let event = HallEvent(at: hall.at("09:01", plus: 0.25), .acknowledged(ticket: "A001"))
        let line = codec.encode(event)
        #expect(line["ev"]?.stringValue == "ack")
        #expect(try codec.decode(line) == event)
    }
}
