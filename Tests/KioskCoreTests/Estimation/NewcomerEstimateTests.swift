import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The hall decides a new ticket on the estimate it would get, before folding it: that figure
/// must be exactly the one the ticket gets once folded (the printed one).
@Suite struct NewcomerEstimateTests {
    /// A morning of the test hall: some served, some at windows, a line of mixed tickets.
    static func busyMorning(seed: UInt64) throws -> (TestHall, WaitEstimator) {
        var hall = TestHall()
        var estimator = WaitEstimator(config: hall.config)
        var rng = SplitMix64(seed: seed)
        var t = 0.0
        for _ in 0..<40 {
            t += 30 + Double(rng.index(120))
            let service = ["A", "B", "A", "B"][rng.index(4)]
            _ = try hall.issue(service, priority: rng.index(5) == 0, at: "08:00", plus: t)
            if rng.index(3) == 0 {
                let counter = ["1", "2"][rng.index(2)]
                if hall.state.counters[counter]?.current == nil, !hall.state.waiting.isEmpty {
                    try hall.serveNext(counter, at: "08:00", plus: t)
                }
            }
        }
        for event in hall.events { estimator.fold(event) }
        return (hall, estimator)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func aNewcomersEstimateIsTheOneItGetsOnceFolded(seed: UInt64) throws {
        let (hall, estimator) = try Self.busyMorning(seed: seed)
        let now = hall.at("08:00", plus: 7200)
        for priority in [false, true] {
            let events = try hall.engine.apply(.issue(service: "A", priority: priority), to: hall.state, at: now)
            let issue = try #require(events.last)
            guard case let .issued(number, service, _, contact, _) = issue.kind else { Issue.record("\(issue)"); return }
            let newcomer = Ticket(
                number: number, service: service, priority: priority, issuedAt: issue.at,
                sequence: hall.state.issueSequence, hasContact: contact
            )
            let before = try #require(estimator.estimate(issuing: newcomer, in: hall.state, at: now))
            var folded = hall.state
            hall.engine.fold(issue, into: &folded)
            var counted = estimator
            counted.fold(issue)
            let after = try #require(counted.estimate(for: number, in: folded, at: now))
            #expect(before == after, "seed \(seed), priority \(priority)")
            #expect(before.explanation.ahead == folded.waitingTickets.filter { $0.service == "A" }.count - 1)
        }
    }
}
