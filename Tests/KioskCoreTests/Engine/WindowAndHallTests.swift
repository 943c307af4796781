import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Windows (pause, close, cover), services a supervisor stops, and the sessions' own clock.
@Suite struct WindowAndHallTests {
    @Test func pauseWithoutBackAtStaysPausedUntilResumed() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        #expect(try hall.run(.pause(counter: "1"), at: "09:01").map(\.kind) == [.paused(counter: "1", until: nil)])
        #expect(hall.state.counters["1"]?.availability == .paused(since: hall.at("09:01"), until: nil))
        #expect(try hall.tick(at: "11:59") == [])
        hall.expectRefusal(.callNext(counter: "1"), at: "11:59", .counterPaused("1"))
        #expect(try hall.run(.resume(counter: "1"), at: "11:59").map(\.kind) == [.resumed(counter: "1")])
        #expect(hall.state.counters["1"]?.availability == .open)
        #expect(try hall.callNext("1", at: "11:59") == "A001")
    }

    @Test func pauseWithBackAtResumesByItselfAtThatTime() throws {
        var hall = TestHall()
        try hall.run(.pause(counter: "2", until: hall.at("09:30")), at: "09:00")
        #expect(hall.state.counters["2"]?.availability == .paused(since: hall.at("09:00"), until: hall.at("09:30")))
        #expect(try hall.tick(at: "09:29", plus: 59) == [])
        let events = try hall.run(.tick, at: "09:45")
        #expect(events.map(\.kind) == [.resumed(counter: "2")])
        #expect(events.map(\.at) == [hall.at("09:30")])
        #expect(hall.state.counters["2"]?.isOpen == true)
    }

    @Test func aClerkMayComeBackBeforeTheirBackAtTime() throws {
        var hall = TestHall()
        try hall.run(.pause(counter: "2", until: hall.at("09:30")), at: "09:00")
        try hall.run(.resume(counter: "2"), at: "09:10")
        #expect(try hall.tick(at: "09:45") == [])
        hall.expectConsistent()
    }

    @Test func pauseIsRefusedWhileTheWindowHoldsATicketOrWithABackAtInThePast() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        hall.expectRefusal(.pause(counter: "1"), at: "09:01", .counterBusy(counter: "1", ticket: "A001"))
        hall.expectRefusal(.pause(counter: "2", until: hall.at("09:01")), at: "09:01", .returnTimeInPast(counter: "2"))
        hall.expectRefusal(.pause(counter: "2", until: hall.at("08:30")), at: "09:01", .returnTimeInPast(counter: "2"))
        try hall.run(.pause(counter: "2"), at: "09:01")
        hall.expectRefusal(.pause(counter: "2"), at: "09:02", .counterPaused("2"))
    }

    @Test func closeAndReopenAWindow() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        #expect(try hall.run(.closeCounter(counter: "1"), at: "09:01").map(\.kind) == [.counterClosed(counter: "1")])
        #expect(hall.state.counters["1"]?.availability == .closed)
        hall.expectRefusal(.callNext(counter: "1"), at: "09:02", .counterClosed("1"))
        hall.expectRefusal(.closeCounter(counter: "1"), at: "09:02", .counterClosed("1"))
        hall.expectRefusal(.pause(counter: "1"), at: "09:02", .counterClosed("1"))
        hall.expectRefusal(.resume(counter: "1"), at: "09:02", .counterNotPaused("1"))
        #expect(try hall.run(.openCounter(counter: "1"), at: "09:03").map(\.kind) == [.counterOpened(counter: "1")])
        #expect(hall.state.counters["1"]?.availability == .open)
        hall.expectRefusal(.openCounter(counter: "1"), at: "09:04", .counterAlreadyOpen("1"))
        #expect(try hall.callNext("1", at: "09:04") == "A001")
        hall.expectRefusal(.closeCounter(counter: "1"), at: "09:05", .counterBusy(counter: "1", ticket: "A001"))
    }

    @Test func closingAPausedWindowCancelsItsBackAtReturn() throws {
        var hall = TestHall()
        try hall.run(.pause(counter: "1", until: hall.at("09:30")), at: "09:00")
        hall.expectRefusal(.openCounter(counter: "1"), at: "09:05", .counterNotClosed("1"))
        try hall.run(.closeCounter(counter: "1"), at: "09:10")
        #expect(try hall.tick(at: "10:00") == [])
        #expect(hall.state.counters["1"]?.availability == .closed)
    }

    @Test func coverAddsTheCoveredWindowsServicesAfterItsOwn() throws {
        var hall = TestHall()
        let rule = CallRule(config: hall.config)
        try hall.issue("A", at: "09:00")
        hall.expectRefusal(.callNext(counter: "3"), at: "09:01", .noTicketWaiting("3"))
        let events = try hall.run(.cover(counter: "3", covered: "1", by: "王主任"), at: "09:02")
        #expect(events.map(\.kind) == [.coverStarted(counter: "3", covered: "1", audit: "王主任")])
        #expect(hall.state.counters["3"]?.covering == ["1"])
        #expect(rule.services(of: "3", in: hall.state) == ["C", "A", "B"])
        #expect(try hall.callNext("3", at: "09:03") == "A001")
        hall.expectConsistent()
    }

    @Test func uncoverOneWindowEndsOnlyThatCover() throws {
        var hall = TestHall()
        let rule = CallRule(config: hall.config)
        try hall.run(.cover(counter: "3", covered: "1", by: "王主任"), at: "09:00")
        try hall.run(.cover(counter: "3", covered: "2", by: "王主任"), at: "09:00")
        #expect(rule.services(of: "3", in: hall.state) == ["C", "A", "B"])
        #expect(hall.state.counters["3"]?.covering == ["1", "2"])
        #expect(try hall.run(.uncover(counter: "3", covered: "1", by: "王主任"), at: "09:10").map(\.kind)
            == [.coverEnded(counter: "3", covered: "1", audit: "王主任")])
        #expect(hall.state.counters["3"]?.covering == ["2"])
        #expect(rule.services(of: "3", in: hall.state) == ["C", "B", "A"])
        hall.expectRefusal(.uncover(counter: "3", covered: "1", by: "王主任"), at: "09:11", .notCovering(counter: "3", covered: "1"))
    }

    @Test func uncoverAllEndsEveryCoverInOneCommand() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.run(.cover(counter: "3", covered: "1", by: "王主任"), at: "09:00")
        try hall.run(.cover(counter: "3", covered: "2", by: "王主任"), at: "09:00")
        let events = try hall.run(.uncover(counter: "3", by: "王主任"), at: "09:10")
        #expect(events.map(\.kind) == [
            .coverEnded(counter: "3", covered: "1", audit: "王主任"),
            .coverEnded(counter: "3", covered: "2", audit: "王主任"),
        ])
        #expect(hall.state.counters["3"]?.covering == [])
        #expect(CallRule(config: hall.config).services(of: "3", in: hall.state) == ["C"])
        hall.expectRefusal(.callNext(counter: "3"), at: "09:11", .noTicketWaiting("3"))
        hall.expectRefusal(.uncover(counter: "3", by: "王主任"), at: "09:11", .notCovering(counter: "3", covered: nil))
    }

    @Test func coverRefusesItselfTwiceOrAnUnknownWindow() throws {
        var hall = TestHall()
        hall.expectRefusal(.cover(counter: "3", covered: "3", by: "王主任"), at: "09:00", .cannotCoverItself("3"))
        hall.expectRefusal(.cover(counter: "3", covered: "9", by: "王主任"), at: "09:00", .unknownCounter("9"))
        hall.expectRefusal(.cover(counter: "9", covered: "3", by: "王主任"), at: "09:00", .unknownCounter("9"))
        try hall.run(.cover(counter: "3", covered: "1", by: "王主任"), at: "09:00")
        hall.expectRefusal(.cover(counter: "3", covered: "1", by: "王主任"), at: "09:01", .alreadyCovering(counter: "3", covered: "1"))
    }

    @Test func closedServiceStopsIssuingButItsWaitingTicketsAreStillServed() throws {
        var hall = TestHall()
        try hall.issue("B", at: "09:00")
        #expect(try hall.run(.closeService(service: "B", by: "王主任"), at: "09:01").map(\.kind)
            == [.serviceClosed(service: "B", audit: "王主任")])
        #expect(hall.state.closedServices == ["B"])
        hall.expectRefusal(.issue(service: "B", priority: false), at: "09:02", .serviceClosed("B"))
        hall.expectRefusal(.closeService(service: "B", by: "王主任"), at: "09:02", .serviceClosed("B"))
        #expect(try hall.issue("A", at: "09:02") == "A001")
        #expect(try hall.callNext("2", at: "09:03") == "B001")
        #expect(try hall.run(.reopenService(service: "B", by: "王主任"), at: "09:03", plus: 30).map(\.kind)
            == [.serviceReopened(service: "B", audit: "王主任")])
        hall.expectRefusal(.reopenService(service: "B", by: "王主任"), at: "09:05", .serviceNotClosed("B"))
        #expect(try hall.issue("B", at: "09:05") == "B002")
        hall.expectRefusal(.closeService(service: "Z", by: "王主任"), at: "09:06", .unknownService("Z"))
        hall.expectRefusal(.reopenService(service: "Z", by: "王主任"), at: "09:06", .unknownService("Z"))
    }

    @Test func sessionsOpenAndCloseByTheClock() throws {
        var hall = TestHall()
        #expect(try hall.tick(at: "07:59") == [.dayStarted(TestHall.monday)])
        #expect(hall.state.openSession == nil)
        #expect(try hall.tick(at: "08:00") == [.sessionOpened(0)])
        #expect(hall.state.openSession == 0)
        #expect(try hall.tick(at: "11:59", plus: 59) == [])
        #expect(try hall.tick(at: "12:00") == [.sessionClosed(0)])
        #expect(hall.state.openSession == nil)
        #expect(hall.state.sessionsOpened == 1)
        #expect(try hall.tick(at: "14:00") == [.sessionOpened(1)])
        #expect(try hall.tick(at: "17:00") == [.sessionClosed(1)])
        #expect(try hall.tick(at: "23:59") == [])
        #expect(hall.state.sessionsOpened == 2)
        hall.expectConsistent()
    }

    @Test func aFirstCommandLateInTheDayReplaysTheSessionsAtTheirOwnTimes() throws {
        var hall = TestHall()
        let events = try hall.run(.tick, at: "18:00")
        #expect(events.map(\.kind) == [
            .dayStarted(TestHall.monday), .sessionOpened(0), .sessionClosed(0), .sessionOpened(1), .sessionClosed(1),
        ])
        #expect(events.map(\.at) == [
            hall.engine.calendar.midnight(of: TestHall.monday), hall.at("08:00"), hall.at("12:00"), hall.at("14:00"), hall.at("17:00"),
        ])
    }

    @Test func ticketsIssuedBeforeTheCloseAreServedInOvertime() throws {
        var hall = TestHall()
        try hall.issue("A", at: "11:59", plus: 30)
        hall.expectRefusal(.issue(service: "A", priority: false), at: "12:00", .outsideHours(service: "A", opensAt: ClockTime("14:00")))
        #expect(try hall.serveNext("1", at: "12:20") == "A001")
    }

    @Test func eventsAreNeverStampedBeforeTheLastOne() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:10")
        // A command whose clock lags (another terminal) is stamped at the newest event's time.
        let events = try hall.run(.callNext(counter: "1"), at: "09:05")
        #expect(events.map(\.at) == [hall.at("09:10")])
        #expect(hall.ticket("A001")?.firstCalledAt == hall.at("09:10"))
    }
}
