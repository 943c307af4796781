import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The shared projection: every waiting ticket's estimate and, per class, when a ticket
/// joining the line would be called, from one simulation of the whole line.
@Suite struct LineProjectionTests {
    /// A hall whose projection draws almost nothing at random: every window occupied exactly
    /// 300 s per ticket (learned from a history of calls without walk-up times, so no service
    /// fit), no arrivals forecast after 08:30 (yesterday's tickets came before then), and only
    /// the prior's rare breaks (about one call in a hundred is followed by one), which move the
    /// upper quantiles only.
    /// Window 1 serves A, B (`fifo`), 2 serves B, A (`service_order`), 3 serves C (all day here).
    static func clockworkHall(waiting: Int) throws -> (TestHall, WaitEstimator, Date) {
        var config = TestHall.config
        config.services[2].dailyQuota = nil
        config.services[2].hours = nil
        var hall = TestHall(config: config)
        var estimator = clockworkEstimator(config: config, engine: hall.engine)
        _ = try hall.run(.tick, at: "09:00")
        for i in 0..<waiting {
            _ = try hall.issue(["A", "B", "A", "C"][i % 4], priority: i % 5 == 2, at: "09:00", plus: Double(i))
        }
        for event in hall.events { estimator.fold(event) }
        return (hall, estimator, hall.at("09:05"))
    }

    /// The ticket the engine would issue next of `service` at `now`, not folded.
    static func newcomer(_ service: ServiceCode, priority: Bool, in hall: TestHall, at now: Date) throws -> Ticket {
        let events = try hall.engine.apply(.issue(service: service, priority: priority), to: hall.state, at: now)
        guard let issue = events.last, case let .issued(number, _, _, contact, _) = issue.kind else { throw BadEvent() }
        return Ticket(number: number, service: service, priority: priority, issuedAt: issue.at, sequence: hall.state.issueSequence, hasContact: contact)
    }

    struct BadEvent: Error {}

    @Test(arguments: [0, 1, 7, 30])
    func aJoinersEstimateIsTheNewcomersOwnProjectionWhenAlmostNothingIsDrawnAtRandom(waiting: Int) throws {
        let (hall, estimator, now) = try Self.clockworkHall(waiting: waiting)
        let shared = estimator.projection(of: hall.state, at: now)
        for service in ["A", "B", "C"] {
            for priority in [false, true] {
                let ticket = try Self.newcomer(service, priority: priority, in: hall, at: now)
                let own = try #require(estimator.estimate(issuing: ticket, in: hall.state, at: now))
                let ahead = hall.state.waitingCount(for: service)
                let joined = try #require(shared.estimate(joining: ticket, extraAhead: 0, ahead: ahead, at: now))
                // The figure printed, the range's low end, the heads-up and the explanation.
                #expect(joined.wait == own.wait && joined.low == own.low, "\(service) priority \(priority) with \(waiting) waiting: \(joined) vs \(own)")
                #expect(joined.headsUpAt == own.headsUpAt && joined.explanation == own.explanation)
            }
        }
    }

    @Test func theProjectionsEstimatesAreEveryWaitingTicketsInLineOrder() throws {
        let (hall, estimator, now) = try Self.clockworkHall(waiting: 30)
        let shared = estimator.projection(of: hall.state, at: now)
        #expect(shared.estimates.map(\.ticket) == hall.state.waiting)
        #expect(shared.issueSequence == hall.state.issueSequence)
        #expect(shared.date == hall.state.date)
        #expect(shared.waitingByService == ["A": 15, "B": 8, "C": 7])
        // Almost nothing random: each figure is what a projection of that ticket alone says.
        for number in hall.state.waiting {
            let alone = try #require(estimator.estimate(for: number, in: hall.state, at: now))
            let shown = try #require(shared.byTicket[number])
            #expect(shown.wait == alone.wait && shown.low == alone.low && shown.explanation == alone.explanation, "\(number)")
        }
        // By number: only the waiting (an index into the estimates, not a copy of them).
        #expect(shared.byTicket.count == hall.state.waiting.count && shared.byTicket["Z999"] == nil)
        // The same state at the same instant: the same projection.
        #expect(estimator.projection(of: hall.state, at: now).estimates == shared.estimates)
    }

    /// A busy hall with real randomness: the joiner of each class is called no earlier than
    /// every ticket of its class already waiting, in every replicate, so in every quantile.
    @Test func aJoinerIsCalledAfterEveryoneOfItsClassAlreadyWaiting() throws {
        let (estimator, state, now) = try Self.busyHall()
        let shared = estimator.projection(of: state, at: now)
        for code in Set(state.waitingTickets.map(\.service)) {
            for priority in [false, true] {
                let last = state.waitingTickets.last { $0.service == code && $0.priority == priority }
                let ticket = Ticket(number: "Z999", service: code, priority: priority, issuedAt: now, sequence: state.issueSequence, hasContact: false)
                let joined = try #require(shared.estimate(joining: ticket, extraAhead: 0, ahead: 0, at: now))
                if let last, let before = shared.byTicket[last.number] {
                    #expect(joined.high >= before.high && joined.low >= before.low, "\(code) \(priority)")
                }
            }
        }
    }

    /// With many replicates, the joiner's figures and a projection of the newcomer alone agree
    /// (they differ only by their random draws).
    @Test func aJoinersEstimateAgreesWithTheNewcomersOwnProjectionInABusyHall() throws {
        var (estimator, state, now) = try Self.busyHall()
        estimator.options.replicates = 1500
        estimator.options.printRounding = 0
        let shared = estimator.projection(of: state, at: now)
        for code in ["A", "B"] {
            for priority in [false, true] {
                let ticket = Ticket(number: "Z999", service: code, priority: priority, issuedAt: now, sequence: state.issueSequence, hasContact: false)
                let own = try #require(estimator.estimate(issuing: ticket, in: state, at: now))
                let joined = try #require(shared.estimate(joining: ticket, extraAhead: 0, ahead: 0, at: now))
                #expect(abs(joined.wait - own.wait) <= max(90, 0.05 * own.wait), "\(code) \(priority): \(joined.wait) vs \(own.wait)")
            }
        }
    }

    @Test func laterJoinersAndElapsedTimeMoveTheEstimate() throws {
        let (hall, estimator, now) = try Self.clockworkHall(waiting: 12)
        let shared = estimator.projection(of: hall.state, at: now)
        let ticket = try Self.newcomer("A", priority: false, in: hall, at: now)
        let base = try #require(shared.estimate(joining: ticket, extraAhead: 0, ahead: 6, at: now))
        // Two more A tickets issued since the projection: each adds A's 300 s over its two open windows.
        let behind = try #require(shared.estimate(joining: ticket, extraAhead: 2, ahead: 8, at: now))
        #expect(behind.wait == base.wait + 300)
        #expect(behind.explanation.ahead == 8)
        // Asked 60 s after the projection: 60 s less to wait, the same moment of the call.
        let later = try #require(shared.estimate(joining: ticket, extraAhead: 0, ahead: 6, at: now.addingTimeInterval(60)))
        #expect(later.callAt == base.callAt)
    }

    /// A morning of the test hall with tickets at the windows (drawn residuals) and a line.
    static func busyHall() throws -> (WaitEstimator, HallState, Date) {
        let (hall, estimator) = try NewcomerEstimateTests.busyMorning(seed: 3)
        return (estimator, hall.state, hall.at("08:00", plus: 7200))
    }
}
