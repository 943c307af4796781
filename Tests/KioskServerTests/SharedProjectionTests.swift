import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
import Testing

/// The hall's one projection of the line (`PublishedHall.currentEstimates`), shared by the
/// snapshot readers, the heads-up pass and the estimate printed on a new ticket.
@Suite struct SharedProjectionTests {
    let config = TestHall.config

    /// A daemon on a temporary journal with the clock at 09:00 and no projector running (the
    /// test refreshes the projection itself, so nothing races it).
    func run(_ body: (Hall, ManualClock) async throws -> Void) async throws {
        try await InProcessDaemon.withoutProjector(config: config, body)
    }

    /// Issues one A ticket at `now`: the estimate printed on it, the newcomer's own projection
    /// on the state just before it, and the ticket. The printed one must equal the own one.
    static func issueBesideItsOwnProjection(_ hall: Hall, at now: Date) async throws -> (printed: WaitEstimate, own: WaitEstimate, ticket: Ticket) {
        let state = await hall.read { $0 }
        let estimator = await hall.estimator
        let outcome = try await hall.execute(.issue(service: "A", priority: false))
        let estimate = try #require(outcome.printed)
        let ticket = try #require(await hall.read { $0.tickets[estimate.ticket] })
        let own = try #require(estimator.estimate(issuing: ticket, in: state, at: now))
        return (estimate, own, ticket)
    }

    @Test func afterEveryKindOfEventTheSharedProjectionIsAFreshProjectionOfTheLastCommit() async throws {
        try await run { hall, clock in
            let commands: [Command] = [
                .issue(service: "A", priority: false), .issue(service: "B", priority: false), .issue(service: "A", priority: true),
                .issue(service: "C", priority: false), .issue(service: "A", priority: false), .issue(service: "B", priority: false),
                .callNext(counter: "1"), .start(counter: "1"), .callNext(counter: "2"), .noShow(counter: "2"),
                .finish(counter: "1"), .callNext(counter: "1"), .transfer(counter: "1", to: "B"), .pause(counter: "3"),
                .cancel(ticket: "A003"), .resume(counter: "3"), .closeCounter(counter: "2"), .callNext(counter: "3"), .start(counter: "3"),
            ]
            for command in commands {
                clock.advance(by: 40)
                let outcome = try await hall.execute(command)
                #expect(!outcome.events.isEmpty, "\(command)")
                let shared = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
                let snapshot = hall.published.current
                #expect(shared.seq == snapshot.seq, "\(command)")
                #expect(shared.seq == outcome.seqs.last, "\(command)")
                let fresh = snapshot.estimator.projection(of: snapshot.state, at: clock.now)
                #expect(shared.at == clock.now)
                #expect(shared.all == fresh.estimates, "\(command)")
                #expect(shared.all.map(\.ticket) == snapshot.state.waiting, "\(command)")
                #expect(shared.line.issueSequence == snapshot.state.issueSequence)
                #expect(shared.line.waitingByService == fresh.waitingByService)
                for service in ["A", "B", "C"] {
                    for priority in [false, true] {
                        let t = Ticket(number: "Z1", service: service, priority: priority, issuedAt: clock.now, sequence: 0, hasContact: false)
                        #expect(shared.line.estimate(joining: t, extraAhead: 0, ahead: 0, at: clock.now)
                            == fresh.estimate(joining: t, extraAhead: 0, ahead: 0, at: clock.now), "\(command) \(service) \(priority)")
                    }
                }
            }
        }
    }

    @Test func aProjectionOfTheSameCommitIsKeptForASecondThenRenewed() async throws {
        try await run { hall, clock in
            try await hall.execute(.issue(service: "A", priority: false))
            let first = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            clock.advance(by: 0.5)
            #expect(hall.published.refreshEstimates(at: clock.now, maxAge: 1).at == first.at)
            clock.advance(by: 0.6)
            #expect(hall.published.refreshEstimates(at: clock.now, maxAge: 1).at == clock.now)
            // A commit makes it stale at once.
            let renewedAt = clock.now
            clock.advance(by: 0.1)
            try await hall.execute(.issue(service: "B", priority: false))
            let after = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            #expect(after.at > renewedAt && after.all.count == 2)
        }
    }

    /// The printed estimate is the shared projection plus the new ticket; tickets issued after
    /// the projection push it back, one service's minutes per person each, so kiosks issuing on
    /// one projection do not all get the same figure (nor all slip past closing time).
    @Test func aNewTicketsEstimateIsTheSharedProjectionPlusThatTicket() async throws {
        try await run { hall, clock in
            for _ in 0..<4 { try await hall.execute(.issue(service: "A", priority: false)) }
            clock.advance(by: 5)
            let shared = hall.published.refreshEstimates(at: clock.now, maxAge: 1).line
            var printed: [WaitEstimate] = []
            for _ in 0..<3 {
                let outcome = try await hall.execute(.issue(service: "A", priority: false))
                printed.append(try #require(outcome.printed))
            }
            let state = await hall.read { $0 }
            for (i, estimate) in printed.enumerated() {
                let ticket = try #require(state.tickets[estimate.ticket])
                let expected = try #require(shared.estimate(joining: ticket, extraAhead: i, ahead: 4 + i, at: clock.now))
                #expect(estimate.wait == expected.wait && estimate.callAt == expected.callAt, "\(estimate.ticket)")
                #expect(estimate.explanation.ahead == 4 + i)
            }
            #expect(printed[2].wait > printed[0].wait)
        }
    }

    /// With a shared projection older than `staleProjection` (a projector stopped, or a hall
    /// clock running faster than it), the new ticket is projected on its own, as before.
    @Test func withoutARecentProjectionTheNewTicketIsProjectedOnItsOwn() async throws {
        try await run { hall, clock in
            try await hall.execute(.issue(service: "A", priority: false))
            _ = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            clock.advance(by: 11)
            let (estimate, own, _) = try await Self.issueBesideItsOwnProjection(hall, at: clock.now)
            #expect(estimate.wait == own.wait && estimate.callAt == own.callAt)
        }
    }

    /// Without a projection of this hall (none yet, or one from before a window closed), the
    /// issue waits, outside the actor, for one made of the last commit, and the new ticket's
    /// estimate is that projection plus the ticket. The expected figure is projected here from
    /// the snapshot before the issue: the shared projection itself may already have moved on to
    /// the issue's own commit (the daemon's first heads-up pass, run at start-up, can come late
    /// on a loaded machine and renew it).
    @Test func withoutAProjectionOfThisHallTheIssueWaitsForOneOfTheLastCommit() async throws {
        try await run { hall, clock in
            for change in ["none yet", "a window closed since"] {
                if change == "a window closed since" {
                    try await hall.execute(.closeCounter(counter: "2"))
                    clock.advance(by: 5)
                }
                let before = hall.published.current, kept = hall.published.currentEstimates
                let ahead = await hall.read { $0.waitingTickets.filter { $0.service == "A" }.count }
                let outcome = try await hall.execute(.issue(service: "A", priority: false))
                let estimate = try #require(outcome.printed)
                let ticket = try #require(await hall.read { $0.tickets[estimate.ticket] })
                let lastCommit = before.estimator.projection(of: before.state, at: clock.now)
                let expected = try #require(lastCommit.estimate(joining: ticket, extraAhead: 0, ahead: ahead, at: clock.now))
                #expect(estimate.wait == expected.wait && estimate.callAt == expected.callAt, "\(change)")
                // The projection readers saw before: from before the window closed (unless a
                // heads-up pass started late has just renewed it), and it would print another time.
                if change == "a window closed since", kept.seq < before.seq {
                    let stale = try #require(kept.line.estimate(joining: ticket, extraAhead: 0, ahead: ahead, at: clock.now))
                    #expect(stale.callAt != expected.callAt, "the projection from before the window closed would print another time")
                }
            }
        }
    }
}
