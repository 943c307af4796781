import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// A ticket's life step by step: issue → call → recall → start → finish, the timed recalls and
/// no-shows, and the side exits (transfer, park, cancel, reactivate).
@Suite struct TicketLifecycleTests {
    /// A001 (issued 09:00) called at window 1 at 09:02, A002 (issued 09:01) waiting behind it.
    static func a001CalledA002Waiting() throws -> TestHall {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.issue("A", at: "09:01")
        try hall.callNext("1", at: "09:02")
        return hall
    }

    @Test func firstCommandOfTheDayStartsTheDayAndOpensTheSessionBeforeIssuing() throws {
        var hall = TestHall()
        let events = try hall.run(.issue(service: "A", priority: false), at: "09:00")
        #expect(events.map(\.kind) == [
            .dayStarted(TestHall.monday),
            .sessionOpened(0),
            .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: nil),
        ])
        #expect(events.map(\.at) == [
            hall.engine.calendar.midnight(of: TestHall.monday), hall.at("08:00"), hall.at("09:00"),
        ])
        #expect(hall.state.date == TestHall.monday)
        #expect(hall.state.openSession == 0)
    }

    @Test func issuedTicketWaitsInLineStampedWithItsIssueTime() throws {
        var hall = TestHall()
        let number = try hall.issue("A", priority: true, at: "09:00", plus: 12.5)
        let ticket = try #require(hall.ticket(number))
        #expect(ticket.state == .waiting)
        #expect(ticket.service == "A")
        #expect(ticket.priority)
        #expect(ticket.issuedAt == hall.at("09:00", plus: 12.5))
        #expect(ticket.firstCalledAt == nil)
        #expect(hall.state.waiting == ["A001"])
        #expect(hall.state.issuedCount["A"] == 1)
        hall.expectConsistent()
    }

    @Test func callNextPutsTheTicketOnTheDisplayAtThatWindow() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        let events = try hall.run(.callNext(counter: "1"), at: "09:05")
        #expect(events.map(\.kind) == [.called(ticket: "A001", counter: "1", audit: nil)])
        let ticket = try #require(hall.ticket("A001"))
        #expect(ticket.state == .called(counter: "1", calls: 1, lastCallAt: hall.at("09:05")))
        #expect(ticket.firstCalledAt == hall.at("09:05"))
        #expect(hall.state.waiting.isEmpty)
        #expect(hall.state.counters["1"]?.current == "A001")
        hall.expectConsistent()
    }

    @Test func recallCallsAgainAndKeepsTheFirstCallTime() throws {
        var hall = try TestHall.a001Called(at: "09:05")
        let events = try hall.run(.recall(counter: "1"), at: "09:05", plus: 20)
        #expect(events.map(\.kind) == [.recalled(ticket: "A001", counter: "1", n: 1)])
        let ticket = try #require(hall.ticket("A001"))
        #expect(ticket.state == .called(counter: "1", calls: 2, lastCallAt: hall.at("09:05", plus: 20)))
        #expect(ticket.firstCalledAt == hall.at("09:05"))
        hall.expectConsistent()
    }

    @Test func startThenFinishServesTheTicketAndFreesTheWindow() throws {
        var hall = try TestHall.a001Called(at: "09:05")
        #expect(try hall.run(.start(counter: "1"), at: "09:05", plus: 40).map(\.kind) == [.started(ticket: "A001", counter: "1")])
        #expect(hall.ticket("A001")?.state == .serving(counter: "1", since: hall.at("09:05", plus: 40)))
        #expect(hall.state.counters["1"]?.current == "A001")
        #expect(try hall.run(.finish(counter: "1"), at: "09:17").map(\.kind) == [.finished(ticket: "A001", counter: "1")])
        #expect(hall.ticket("A001")?.state == .done(at: hall.at("09:17")))
        #expect(hall.state.counters["1"]?.current == nil)
        hall.expectConsistent()
    }

    @Test func tickRecallsTwiceThenMarksNoShowEachAtItsDueTime() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        #expect(try hall.tick(at: "09:00", plus: 59.9) == [])
        let first = try hall.run(.tick, at: "09:01")
        #expect(first.map(\.kind) == [.recalled(ticket: "A001", counter: "1", n: 1)])
        #expect(first.map(\.at) == [hall.at("09:01")])
        #expect(try hall.tick(at: "09:01", plus: 30) == [])
        #expect(try hall.tick(at: "09:02") == [.recalled(ticket: "A001", counter: "1", n: 2)])
        #expect(hall.ticket("A001")?.state == .called(counter: "1", calls: 3, lastCallAt: hall.at("09:02")))
        #expect(try hall.tick(at: "09:02", plus: 59) == [])
        #expect(try hall.tick(at: "09:03") == [.noShow(ticket: "A001", counter: "1", automatic: true)])
        #expect(hall.ticket("A001")?.state == .noShow(at: hall.at("09:03")))
        #expect(hall.state.counters["1"]?.current == nil)
        hall.expectConsistent()
    }

    @Test func oneLateTickCatchesUpEveryDueTimerAtTheTimeItFellDue() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        let events = try hall.run(.tick, at: "09:30")
        #expect(events.map(\.kind) == [
            .recalled(ticket: "A001", counter: "1", n: 1),
            .recalled(ticket: "A001", counter: "1", n: 2),
            .noShow(ticket: "A001", counter: "1", automatic: true),
        ])
        #expect(events.map(\.at) == [hall.at("09:01"), hall.at("09:02"), hall.at("09:03")])
    }

    @Test func timersRunBeforeTheCommandThatArrivesLate() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.issue("A", at: "09:00", plus: 1)
        try hall.callNext("1", at: "09:00", plus: 2)
        // The clerk presses "next" long after A001 timed out: the no-show comes first, then the call.
        let events = try hall.run(.callNext(counter: "1"), at: "09:10")
        #expect(events.map(\.kind).last == .called(ticket: "A002", counter: "1", audit: nil))
        #expect(events.map(\.kind).dropLast().last == .noShow(ticket: "A001", counter: "1", automatic: true))
        hall.expectConsistent()
    }

    @Test func manualRecallRestartsTheRecallInterval() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        try hall.run(.recall(counter: "1"), at: "09:00", plus: 30)
        #expect(try hall.tick(at: "09:01") == [])
        #expect(try hall.tick(at: "09:01", plus: 30) == [.recalled(ticket: "A001", counter: "1", n: 2)])
    }

    @Test func startedTicketIsNeverRecalledByTheTimer() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        try hall.run(.start(counter: "1"), at: "09:00", plus: 50)
        #expect(try hall.tick(at: "09:20") == [])
        #expect(hall.ticket("A001")?.state == .serving(counter: "1", since: hall.at("09:00", plus: 50)))
    }

    @Test func withoutAutomaticRecallsTheTicketWaitsForTheClerk() throws {
        var config = TestHall.config
        config.recall.automatic = false
        var hall = TestHall(config: config)
        try hall.issue("A", at: "09:00")
        try hall.callNext("1", at: "09:00")
        #expect(try hall.tick(at: "09:30") == [])
        #expect(hall.ticket("A001")?.state == .called(counter: "1", calls: 1, lastCallAt: hall.at("09:00")))
    }

    @Test func manualNoShowSkipsTheTicketAndFreesTheWindow() throws {
        var hall = try Self.a001CalledA002Waiting()
        let events = try hall.run(.noShow(counter: "1"), at: "09:02", plus: 30)
        #expect(events.map(\.kind) == [.noShow(ticket: "A001", counter: "1", automatic: false)])
        #expect(hall.ticket("A001")?.state == .noShow(at: hall.at("09:02", plus: 30)))
        #expect(try hall.callNext("1", at: "09:03") == "A002")
        hall.expectConsistent()
    }

    @Test func manualNoShowAfterTheCustomerArrivedIsRefused() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        try hall.run(.start(counter: "1"), at: "09:00", plus: 10)
        hall.expectRefusal(.noShow(counter: "1"), at: "09:00", plus: 20,
                           .invalidTransition(ticket: "A001", state: "serving", action: "mark no-show"))
    }

    @Test func transferKeepsTheNumberAndItsPlaceByOriginalIssueTime() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.issue("B", at: "09:05")
        try hall.issue("B", at: "09:10")
        try hall.callNext("1", at: "09:15")
        try hall.run(.start(counter: "1"), at: "09:15")
        let events = try hall.run(.transfer(counter: "1", to: "B"), at: "09:20")
        #expect(events.map(\.kind) == [.transferred(ticket: "A001", counter: "1", from: "A", to: "B")])
        let ticket = try #require(hall.ticket("A001"))
        #expect(ticket.number == "A001")
        #expect(ticket.service == "B")
        #expect(ticket.state == .waiting)
        #expect(ticket.issuedAt == hall.at("09:00"))
        #expect(ticket.firstCalledAt == hall.at("09:15"))
        #expect(hall.state.waiting == ["A001", "B001", "B002"])
        #expect(hall.state.peopleAhead(of: "B001") == 1)
        #expect(hall.state.counters["1"]?.current == nil)
        // Window 2 prefers B: the transferred ticket is the oldest B and goes first.
        #expect(try hall.callNext("2", at: "09:21") == "A001")
        hall.expectConsistent()
    }

    @Test func transferOfAWaitingCallIsAllowedButToAnUnknownOrTheSameServiceIsNot() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        hall.expectRefusal(.transfer(counter: "1", to: "Z"), at: "09:01", .unknownService("Z"))
        hall.expectRefusal(.transfer(counter: "1", to: "A"), at: "09:01", .sameService(ticket: "A001", service: "A"))
        hall.expectRefusal(.transfer(counter: "2", to: "B"), at: "09:01", .counterIdle("2"))
        try hall.run(.transfer(counter: "1", to: "C"), at: "09:01")
        #expect(hall.ticket("A001")?.service == "C")
        #expect(try hall.callNext("3", at: "09:02") == "A001")
    }

    @Test func parkFreesTheWindowAndUnparkCallsTheTicketBackThere() throws {
        var hall = try Self.a001CalledA002Waiting()
        try hall.run(.start(counter: "1"), at: "09:03")
        #expect(try hall.run(.park(counter: "1"), at: "09:04").map(\.kind) == [.parked(ticket: "A001", counter: "1")])
        #expect(hall.ticket("A001")?.state == .parked(counter: "1", since: hall.at("09:04")))
        #expect(hall.state.counters["1"]?.current == nil)
        #expect(!hall.state.waiting.contains("A001"))
        // Parked tickets are not called by the rule, and nobody else may take them back.
        #expect(try hall.serveNext("1", at: "09:05") == "A002")
        hall.expectRefusal(.callNext(counter: "2"), at: "09:06", .noTicketWaiting("2"))
        hall.expectRefusal(.unpark(counter: "2", ticket: "A001"), at: "09:06", .notParkedHere(ticket: "A001", counter: "2"))
        hall.expectRefusal(.unpark(counter: "1", ticket: "A002"), at: "09:06", .notParkedHere(ticket: "A002", counter: "1"))
        #expect(try hall.run(.unpark(counter: "1", ticket: "A001"), at: "09:20").map(\.kind) == [.unparked(ticket: "A001", counter: "1")])
        #expect(hall.ticket("A001")?.state == .called(counter: "1", calls: 1, lastCallAt: hall.at("09:20")))
        #expect(hall.ticket("A001")?.firstCalledAt == hall.at("09:02"))
        #expect(hall.state.counters["1"]?.current == "A001")
        try hall.run(.start(counter: "1"), at: "09:21")
        try hall.run(.finish(counter: "1"), at: "09:25")
        #expect(hall.ticket("A001")?.state == .done(at: hall.at("09:25")))
        hall.expectConsistent()
    }

    @Test func unparkNeedsAFreeWindow() throws {
        var hall = try Self.a001CalledA002Waiting()
        try hall.run(.park(counter: "1"), at: "09:03")
        try hall.callNext("1", at: "09:04")
        hall.expectRefusal(.unpark(counter: "1", ticket: "A001"), at: "09:05", .counterBusy(counter: "1", ticket: "A002"))
    }

    @Test func cancelTakesAWaitingTicketOutOfLine() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        try hall.issue("A", at: "09:01")
        #expect(try hall.run(.cancel(ticket: "A001"), at: "09:02").map(\.kind) == [.cancelled(ticket: "A001")])
        #expect(hall.ticket("A001")?.state == .cancelled(at: hall.at("09:02")))
        #expect(hall.state.waiting == ["A002"])
        #expect(try hall.callNext("1", at: "09:03") == "A002")
        hall.expectConsistent()
    }

    @Test func cancelAParkedTicket() throws {
        var hall = try TestHall.a001Called(at: "09:01")
        try hall.run(.park(counter: "1"), at: "09:02")
        try hall.run(.cancel(ticket: "A001"), at: "09:30")
        #expect(hall.ticket("A001")?.state == .cancelled(at: hall.at("09:30")))
        hall.expectRefusal(.unpark(counter: "1", ticket: "A001"), at: "09:31", .notParkedHere(ticket: "A001", counter: "1"))
        hall.expectConsistent()
    }

    @Test(arguments: [
        (state: "called", setUp: 1), (state: "serving", setUp: 2), (state: "done", setUp: 3), (state: "cancelled", setUp: 4),
    ])
    func cancelIsRefusedOnceTheTicketLeftTheLine(state: String, setUp: Int) throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        if setUp == 4 {
            try hall.run(.cancel(ticket: "A001"), at: "09:01")
        } else {
            try hall.callNext("1", at: "09:01")
            if setUp >= 2 { try hall.run(.start(counter: "1"), at: "09:01") }
            if setUp >= 3 { try hall.run(.finish(counter: "1"), at: "09:01") }
        }
        hall.expectRefusal(.cancel(ticket: "A001"), at: "09:02", .invalidTransition(ticket: "A001", state: state, action: "cancel"))
    }

    /// No-show at 09:03 (automatic), tolerance 30 min.
    @Test(arguments: [(seconds: 60.0, accepted: true), (seconds: 1800, accepted: true), (seconds: 1800.5, accepted: false), (seconds: 3600, accepted: false)])
    func reactivationIsAllowedOnlyWithinTheTolerance(seconds: Double, accepted: Bool) throws {
        var hall = try TestHall.a001Called(at: "09:00")
        try hall.issue("A", at: "09:02")
        try hall.run(.tick, at: "09:03")
        #expect(hall.ticket("A001")?.state == .noShow(at: hall.at("09:03")))
        let when = hall.at("09:03", plus: seconds)
        if accepted {
            let events = try hall.run(.reactivate(ticket: "A001", by: "王主任"), at: when)
            #expect(events.map(\.kind) == [.reactivated(ticket: "A001", audit: "王主任")])
            #expect(hall.ticket("A001")?.state == .waiting)
            // Back at its original place: ahead of A002, issued later.
            #expect(hall.state.waiting == ["A001", "A002"])
            #expect(try hall.callNext("1", at: when) == "A001")
            hall.expectConsistent()
        } else {
            hall.expectRefusal(.reactivate(ticket: "A001", by: "王主任"), at: when,
                               .reactivationWindowPassed(ticket: "A001", minutes: 30))
        }
    }

    @Test func onlyANoShowCanBeReactivated() throws {
        var hall = TestHall()
        try hall.issue("A", at: "09:00")
        hall.expectRefusal(.reactivate(ticket: "A001", by: "王主任"), at: "09:01",
                           .invalidTransition(ticket: "A001", state: "waiting", action: "reactivate"))
        hall.expectRefusal(.reactivate(ticket: "A404", by: "王主任"), at: "09:01", .unknownTicket("A404"))
    }

    @Test func recallIsRefusedAfterTheLastRecallAndOnAServedTicket() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        try hall.run(.recall(counter: "1"), at: "09:00", plus: 10)
        try hall.run(.recall(counter: "1"), at: "09:00", plus: 20)
        hall.expectRefusal(.recall(counter: "1"), at: "09:00", plus: 30, .recallLimitReached(ticket: "A001", maxRecalls: 2))
        try hall.run(.start(counter: "1"), at: "09:00", plus: 40)
        hall.expectRefusal(.recall(counter: "1"), at: "09:00", plus: 50,
                           .invalidTransition(ticket: "A001", state: "serving", action: "recall"))
    }

    @Test func finishIsRefusedForATicketThatIsOnlyCalled() throws {
        var hall = try TestHall.a001Called(at: "09:00")
        hall.expectRefusal(.finish(counter: "1"), at: "09:00", plus: 5,
                           .invalidTransition(ticket: "A001", state: "called", action: "finish"))
        try hall.run(.start(counter: "1"), at: "09:00", plus: 6)
        hall.expectRefusal(.start(counter: "1"), at: "09:00", plus: 7,
                           .invalidTransition(ticket: "A001", state: "serving", action: "start"))
    }
}
