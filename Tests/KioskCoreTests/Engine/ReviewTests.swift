import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// 即审 step by step: the window hands a case to review, a reviewer takes, approves or returns
/// it, and the citizen, who kept the number, is called back to the window that handed it over
/// before anyone in line. Every transition, and every refusal changing nothing.
@Suite struct ReviewTests {
    /// The test hall plus reviewer window 9 (审核岗, no line of its own), reviewing every
    /// service; A's cases need review, and window 2 also reviews B's.
    static var config: HallConfig {
        var config = TestHall.config
        config.counters.append(CounterConfig(id: "9", name: "审核岗", services: [], reviews: true))
        config.services[0].review = true
        config.services[1].reviewers = ["2"]
        return config
    }

    /// A001 issued, called, served at window 1 and handed over at 09:10, with a note.
    func handedOver(note: String? = "材料齐") throws -> TestHall {
        var hall = TestHall(config: Self.config)
        try hall.issue("A", at: "09:00")
        try hall.callNext("1", at: "09:01")
        try hall.run(.start(counter: "1"), at: "09:02")
        #expect(try hall.run(.handToReview(counter: "1", note: note), at: "09:10").map(\.kind)
            == [.handedToReview(ticket: "A001", counter: "1", note: note)])
        return hall
    }

    @Test func aHandOffFreesTheWindowAndTheTicketKeepsItsNumberInReview() throws {
        let hall = try handedOver()
        let ticket = try #require(hall.ticket("A001"))
        #expect(ticket.state == .inReview(since: hall.at("09:10")))
        #expect(ticket.state.name == "in_review")
        #expect(ticket.review == ReviewCase(handedBy: "1", handedAt: hall.at("09:10"), note: "材料齐"))
        #expect(hall.state.counters["1"]?.current == nil)
        #expect(hall.state.casesInReview(handedBy: "1").map(\.number) == ["A001"])
        #expect(hall.engine.reviewQueue(for: "9", in: hall.state).map(\.number) == ["A001"])
        // Window 2 reviews B only: A's case is not in its queue.
        #expect(hall.engine.reviewQueue(for: "2", in: hall.state).isEmpty)
        hall.expectConsistent()
    }

    @Test func takeApproveAndTheCallBackGoesAheadOfTheLine() throws {
        var hall = try handedOver()
        try hall.issue("A", at: "09:11")                       // A002 waits meanwhile
        #expect(try hall.run(.takeReview(reviewer: "9"), at: "09:12").map(\.kind) == [.reviewTaken(ticket: "A001", reviewer: "9")])
        #expect(hall.state.counters["9"]?.reviewing == "A001")
        #expect(hall.ticket("A001")?.review?.takenAt == hall.at("09:12"))
        #expect(hall.ticket("A001")?.state.name == "in_review")
        #expect(try hall.run(.approveReview(reviewer: "9"), at: "09:15").map(\.kind) == [.reviewApproved(ticket: "A001", reviewer: "9")])
        #expect(hall.ticket("A001")?.state == .reviewed(since: hall.at("09:15")))
        #expect(hall.ticket("A001")?.review?.decision == .approved)
        #expect(hall.state.counters["9"]?.reviewing == nil)
        // Window 2 serves A too, but the call back is window 1's: window 2 calls the line.
        #expect(try hall.run(.callNext(counter: "2"), at: "09:16").map(\.kind) == [.called(ticket: "A002", counter: "2", audit: nil)])
        #expect(try hall.run(.callNext(counter: "1"), at: "09:16", plus: 30).map(\.kind) == [.calledBack(ticket: "A001", counter: "1")])
        #expect(hall.ticket("A001")?.state == .called(counter: "1", calls: 1, lastCallAt: hall.at("09:16", plus: 30)))
        // Its first call stays the first: the wait it was promised ended at 09:01.
        #expect(hall.ticket("A001")?.firstCalledAt == hall.at("09:01"))
        try hall.run(.start(counter: "1"), at: "09:16", plus: 50)
        try hall.run(.finish(counter: "1"), at: "09:20")
        #expect(hall.ticket("A001")?.state == .done(at: hall.at("09:20")))
        #expect(hall.replayed() == hall.state)
        hall.expectConsistent()
    }

    @Test func aReturnedCaseIsCalledBackWithItsReason() throws {
        var hall = try handedOver(note: nil)
        try hall.run(.takeReview(reviewer: "9"), at: "09:12")
        #expect(try hall.run(.returnReview(reviewer: "9", reason: "缺身份证复印件"), at: "09:14").map(\.kind)
            == [.reviewReturned(ticket: "A001", reviewer: "9", reason: "缺身份证复印件")])
        #expect(hall.ticket("A001")?.review?.decision == .returned(reason: "缺身份证复印件"))
        #expect(try hall.run(.callNext(counter: "1"), at: "09:15").map(\.kind) == [.calledBack(ticket: "A001", counter: "1")])
        // The citizen brings the copy: served and handed over again, a second case.
        try hall.run(.start(counter: "1"), at: "09:15", plus: 30)
        try hall.run(.handToReview(counter: "1", note: "已补复印件"), at: "09:31")
        #expect(hall.ticket("A001")?.review?.decision == nil)
        #expect(hall.ticket("A001")?.review?.note == "已补复印件")
        hall.expectConsistent()
    }

    @Test func withTheHandingWindowClosedAnyWindowOfTheServiceCallsItBack() throws {
        var hall = try handedOver()
        try hall.run(.closeCounter(counter: "1"), at: "09:11")
        try hall.run(.takeReview(reviewer: "9"), at: "09:12")
        try hall.run(.approveReview(reviewer: "9"), at: "09:13")
        // Window 3 serves C only: not its citizen.
        hall.expectRefusal(.callNext(counter: "3"), at: "09:14", .noTicketWaiting("3"))
        #expect(try hall.run(.callNext(counter: "2"), at: "09:14").map(\.kind) == [.calledBack(ticket: "A001", counter: "2")])
    }

    @Test func theOldestCaseIsTakenFirstAndOneAtATime() throws {
        var hall = try handedOver()
        try hall.issue("B", at: "09:03")
        try hall.callNext("2", at: "09:04")
        try hall.run(.start(counter: "2"), at: "09:05")
        try hall.run(.handToReview(counter: "2", note: nil), at: "09:11")   // B001, after A001 (09:10)
        #expect(hall.engine.reviewQueue(for: "9", in: hall.state).map(\.number) == ["A001", "B001"])
        // Window 2 reviews B only: B001 is in its queue, A001 is not.
        #expect(hall.engine.reviewQueue(for: "2", in: hall.state).map(\.number) == ["B001"])
        try hall.run(.takeReview(reviewer: "9"), at: "09:12")
        #expect(hall.state.counters["9"]?.reviewing == "A001")
        hall.expectRefusal(.takeReview(reviewer: "9"), at: "09:13", .reviewerBusy(counter: "9", ticket: "A001"))
        try hall.run(.takeReview(reviewer: "2"), at: "09:13")
        hall.expectRefusal(.takeReview(reviewer: "2"), at: "09:13", plus: 1, .reviewerBusy(counter: "2", ticket: "B001"))
        try hall.run(.approveReview(reviewer: "2"), at: "09:14")
        hall.expectRefusal(.takeReview(reviewer: "2"), at: "09:14", plus: 1, .noCaseToReview("2"))
        // A reviewer holding a case cannot close its window.
        hall.expectRefusal(.closeCounter(counter: "9"), at: "09:16", .counterBusy(counter: "9", ticket: "A001"))
        hall.expectConsistent()
    }

    @Test func refusals() throws {
        var plain = TestHall()   // nobody reviews anything here
        try plain.issue("A", at: "09:00")
        try plain.callNext("1", at: "09:01")
        plain.expectRefusal(.handToReview(counter: "1", note: nil), at: "09:02",
                            .invalidTransition(ticket: "A001", state: "called", action: "hand to review"))
        try plain.run(.start(counter: "1"), at: "09:02")
        plain.expectRefusal(.handToReview(counter: "1", note: nil), at: "09:03", .noReviewer("A"))
        plain.expectRefusal(.takeReview(reviewer: "1"), at: "09:03", .notAReviewer("1"))
        plain.expectRefusal(.approveReview(reviewer: "1"), at: "09:03", .notAReviewer("1"))

        var hall = TestHall(config: Self.config)
        hall.expectRefusal(.handToReview(counter: "1", note: nil), at: "09:00", .counterIdle("1"))
        hall.expectRefusal(.takeReview(reviewer: "9"), at: "09:00", .noCaseToReview("9"))
        hall.expectRefusal(.approveReview(reviewer: "9"), at: "09:00", .nothingInReview("9"))
        hall.expectRefusal(.returnReview(reviewer: "9", reason: "缺材料"), at: "09:00", .nothingInReview("9"))
        hall.expectRefusal(.takeReview(reviewer: "8"), at: "09:00", .unknownCounter("8"))
        try hall.run(.pause(counter: "9"), at: "09:00")
        hall.expectRefusal(.takeReview(reviewer: "9"), at: "09:01", .counterPaused("9"))
        // A ticket in review is nobody's to withdraw, cancel or call.
        var inReview = try handedOver()
        inReview.expectRefusal(.withdraw(ticket: "A001"), at: "09:11", .invalidTransition(ticket: "A001", state: "in_review", action: "withdraw"))
        inReview.expectRefusal(.callTicket(counter: "2", ticket: "A001", by: "王主任"), at: "09:11",
                               .invalidTransition(ticket: "A001", state: "in_review", action: "call"))
    }

    @Test func theReviewersWindowCallsNobody() throws {
        var hall = TestHall(config: Self.config)
        try hall.issue("A", at: "09:00")
        hall.expectRefusal(.callNext(counter: "9"), at: "09:01", .noTicketWaiting("9"))
    }

    @Test func aCallBackFollowsTheUsualRecalls() throws {
        var hall = try handedOver()
        try hall.run(.takeReview(reviewer: "9"), at: "09:12")
        try hall.run(.approveReview(reviewer: "9"), at: "09:13")
        try hall.run(.callNext(counter: "1"), at: "09:14")
        #expect(try hall.tick(at: "09:17") == [
            .recalled(ticket: "A001", counter: "1", n: 1), .recalled(ticket: "A001", counter: "1", n: 2),
            .noShow(ticket: "A001", counter: "1", automatic: true),
        ])
    }
}
