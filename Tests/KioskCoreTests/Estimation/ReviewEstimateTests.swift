import Foundation
import KioskCore
import Testing

/// 即审 in the estimator: a case in review comes back to the window that handed it over for a
/// short second service, so the people waiting for that window wait that much longer; the
/// second service is learned from call backs, apart from the first.
@Suite struct ReviewEstimateTests {
    typealias Hall = WaitEstimatorTests.Hall

    /// One window serving A (window 2 paused), yesterday 10 minutes a visit, A101 called and
    /// served at window 1, three waiting behind it.
    func hall() -> (Hall, served: TicketNumber, line: [TicketNumber]) {
        Hall.oneWindowServing(waiting: 3)
    }

    @Test func aCaseInReviewDelaysItsWindowsLineByTheSecondService() throws {
        var (hall, served, line) = hall()
        hall.fold(.handedToReview(ticket: served, counter: "1", note: nil), at: 1)
        #expect(hall.state.casesInReview(handedBy: "1").map(\.number) == [served])
        // The same estimator on the same hall, once with the case in review and once without.
        var settled = hall.state
        settled.tickets[served]?.state = .done(at: hall.at(1))
        #expect(settled.casesInReview(handedBy: "1").isEmpty)
        let with = hall.estimator.estimates(in: hall.state, at: hall.at(1))
        let without = hall.estimator.estimates(in: settled, at: hall.at(1))
        for number in line {
            let delay = try #require(with.first { $0.ticket == number }).wait - (try #require(without.first { $0.ticket == number })).wait
            // No call back learned yet: the prior, 2 minutes, comes on top (printed to the minute).
            #expect(abs(delay - WaitEstimator.Options().priorSecondService) <= 60, "\(number): \(delay) s")
        }
    }

    @Test func theSecondServiceIsLearnedFromCallBacksNotAsAService() throws {
        var (hall, served, _) = hall()
        let before = hall.estimator.statistics.service["A"]?.count ?? 0
        hall.fold(.handedToReview(ticket: served, counter: "1", note: nil), at: 5)
        hall.fold(.reviewTaken(ticket: served, reviewer: "2"), at: 6)
        hall.fold(.reviewApproved(ticket: served, reviewer: "2"), at: 8)
        hall.fold(.calledBack(ticket: served, counter: "1"), at: 9)
        hall.fold(.started(ticket: served, counter: "1"), at: 9.5)
        hall.fold(.finished(ticket: served, counter: "1"), at: 12)
        #expect(hall.estimator.statistics.secondService.values == [180])
        // The first service (start → hand-off) counts as the service; the call back does not.
        #expect(hall.estimator.statistics.service["A"]?.count == before + 1)
        #expect(hall.estimator.statistics.service["A"]?.values.last == 270)
    }
}
