import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
import Testing

/// The closing-time rule on a hall that prints estimates from a shared projection: however many
/// tickets were issued since that projection was made, a ticket is refused exactly when the
/// newcomer's own projection, on the state every earlier issue left, puts its call after the
/// session's end (what the rule decided before there was a shared projection).
@Suite struct SharedProjectionClosingTests {
    /// One window for every service, the clock at 09:00.
    static func oneWindow(services: [ServiceCode], sessionEnd: String) -> HallConfig {
        HallConfig(
            name: "测试大厅", nameEN: "Test hall",
            sessions: [TestHall.span("08:00", sessionEnd)],
            services: services.map { ServiceConfig(code: $0, name: "业务\($0)", documents: ["身份证"]) },
            counters: [CounterConfig(id: "1", services: services)]
        )
    }

    /// A daemon on a temporary journal at 09:00 with no projector running: the test makes the
    /// one shared projection itself, so every later issue is "issued since the projection".
    func run(_ config: HallConfig, _ body: (Hall, ManualClock) async throws -> Void) async throws {
        try await InProcessDaemon.withoutProjector(config: config, body)
    }

    struct Decision: Equatable, CustomStringConvertible {
        var issued: Bool
        var turnAt: ClockTime?
        var description: String { issued ? "issued" : "refused (turn \(turnAt.map { "\($0)" } ?? "?"))" }
    }

    /// What the rule decided before the shared projection: the newcomer's own projection on
    /// `state`, the refusal on its call.
    static func ownDecision(_ command: Command, config: HallConfig, state: HallState, estimator: WaitEstimator, at now: Date) throws -> Decision {
        let engine = QueueEngine(config: config)
        var state = state
        let events = try engine.apply(command, to: state, at: now)
        for event in events.dropLast() { engine.fold(event, into: &state) }
        guard let issue = events.last, case let .issued(number, service, priority, hasContact, _) = issue.kind else {
            Issue.record("no issue: \(events)")
            return Decision(issued: false)
        }
        let newcomer = Ticket(number: number, service: service, priority: priority, issuedAt: issue.at, sequence: state.issueSequence, hasContact: hasContact)
        guard let own = estimator.estimate(issuing: newcomer, in: state, at: now),
              let refusal = ClosingTimeRule(engine: engine).refusal(service: service, callAt: own.callAt, in: state, at: now)
        else { return Decision(issued: true) }
        return Decision(issued: false, turnAt: refusal.turnAt)
    }

    /// Issues `services` in turn on one shared projection made before the first (after
    /// `before` tickets of the first service), each checked against the newcomer's own
    /// projection; returns how many were issued.
    func issueOnOneProjection(_ config: HallConfig, before: Int = 0, services: [ServiceCode]) async throws -> Int {
        var issued = 0
        try await run(config) { hall, clock in
            for _ in 0..<before { try await hall.execute(.issue(service: services[0], priority: false, override: "test")) }
            _ = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            for (i, service) in services.enumerated() {
                let command = Command.issue(service: service, priority: i % 7 == 3)
                let state = await hall.read { $0 }
                let expected = try Self.ownDecision(command, config: config, state: state, estimator: await hall.estimator, at: clock.now)
                let decided: Decision
                do {
                    try await hall.execute(command)
                    decided = Decision(issued: true)
                } catch let refusal as TurnAfterClosing {
                    decided = Decision(issued: false, turnAt: refusal.turnAt)
                }
                #expect(decided == expected, "issue \(i + 1) (\(service)), \(i) issued since the projection")
                if decided.issued { issued += 1 }
            }
        }
        return issued
    }

    /// Closing within the half hour: the first few are issued, the rest refused, each as the
    /// newcomer's own projection says, though none of them is in the shared projection.
    @Test func atTheLimitEveryDecisionIsTheNewcomersOwnProjections() async throws {
        let issued = try await issueOnOneProjection(Self.oneWindow(services: ["A"], sessionEnd: "09:30"), services: Array(repeating: "A", count: 12))
        #expect(issued > 0 && issued < 12)
    }

    /// One window shared by two services (the push-back counts only the newcomer's own service):
    /// forty issues towards a closing four hours away decide as the newcomers' own projections.
    @Test func aWindowSharedByServicesDecidesAsTheOwnProjection() async throws {
        let services = (0..<40).map { $0 % 3 == 0 ? "B" : "A" }
        let issued = try await issueOnOneProjection(Self.oneWindow(services: ["A", "B"], sessionEnd: "13:00"), services: services)
        #expect(issued > 5 && issued < 40, "the limit falls inside the forty: \(issued)")
    }

    /// A session ending beyond the projection's horizon (six hours) refuses nobody, however long
    /// the line: both figures stop at the horizon. (A 64-kiosk burst was refused here when the
    /// push-back took a joiner already at the horizon past it.)
    @Test func aSessionEndingBeyondTheHorizonRefusesNobody() async throws {
        let services = (0..<60).map { ["A", "B", "C", "D"][$0 % 4] }
        let hall = Self.oneWindow(services: ["A", "B", "C", "D"], sessionEnd: "17:00")
        let issued = try await issueOnOneProjection(hall, before: 60, services: services)
        #expect(issued == 60)
    }

    /// A window paused since the projection: the shared figures are another hall's, so the issue
    /// waits for a projection of the hall with that window paused (made outside the actor) and
    /// the new ticket's figure is that one plus the ticket, never the stale one's.
    @Test func aWindowPausedSinceTheProjectionMakesTheIssueWaitForAFreshOne() async throws {
        try await run(TestHall.config) { hall, clock in
            for _ in 0..<6 { try await hall.execute(.issue(service: "A", priority: false)) }
            let before = hall.published.refreshEstimates(at: clock.now, maxAge: 1).line
            try await hall.execute(.pause(counter: "1"))
            let (estimate, own, ticket) = try await SharedProjectionTests.issueBesideItsOwnProjection(hall, at: clock.now)
            let fresh = hall.published.currentEstimates.line
            let state = await hall.read { $0 }
            #expect(fresh.at == clock.now && fresh.sameWindows(as: state), "projected with window 1 paused")
            let expected = try #require(fresh.estimate(joining: ticket, extraAhead: 0, ahead: 6, at: clock.now))
            #expect(estimate.wait == expected.wait && estimate.callAt == expected.callAt)
            let stale = try #require(before.estimate(joining: ticket, extraAhead: 0, ahead: 6, at: clock.now))
            #expect(stale.wait < own.wait, "one window fewer: the stale projection was too hopeful (\(stale.wait) vs \(own.wait))")
            #expect(stale.wait < estimate.wait, "the printed figure is not the stale one (\(stale.wait) vs \(estimate.wait))")
        }
    }
}
