import Dispatch
import Foundation
import KioskCore
@testable import KioskServer
import KioskTestSupport
import Testing

/// The whole-line projections a command needs are made outside the hall actor, which takes other
/// commands meanwhile: a kiosk issue at or past the closing-time limit (the newcomer's own
/// projection) and the heads-up pass (the shared one). The closing-time rule still decides on
/// the state every earlier command left: an own projection made on a hall that changed while it
/// ran is made again. Counted on the daemon's metrics and the shared projection, never timed.
@Suite(.timeLimit(.minutes(3)))
struct OwnProjectionOutsideActorTests {
    /// One window for service A; the session ends at 09:30 and the clock stands at 09:00.
    static let closingSoon = SharedProjectionClosingTests.oneWindow(services: ["A"], sessionEnd: "09:30")

    /// A daemon on a manual clock with no projector and no heads-up pass: the test makes the
    /// shared projection itself, and nothing else projects.
    static func quietDaemon<T: Sendable>(_ config: HallConfig, _ body: (InProcessDaemon, ManualClock) async throws -> T) async throws -> T {
        try await InProcessDaemon.onManualClock(config: config, adjust: { options in
            options.projectorSpacing = nil
            options.headsUpInterval = nil
        }) { daemon, clock in
            _ = try await daemon.hall.execute(.tick)
            // The daemon's own first tick may be the one that began the day, still being
            // written: its commit would change the hall under the test's first issue.
            try await eventually("the day's start is committed") { daemon.hall.published.current.state.date != nil }
            return try await body(daemon, clock)
        }
    }

    static func count(_ name: String, in daemon: InProcessDaemon) throws -> Int {
        try ScreensLoadTests.counter(name, in: daemon.daemon.metrics.render())
    }

    static let own = #"kiosk_issue_estimates_total{source="own"}"#
    static let outside = #"kiosk_issue_estimates_total{source="outside"}"#
    static let tries = "kiosk_issue_own_projection_tries_total"
    static let stale = "kiosk_issue_own_projection_stale_total"

    typealias Decision = SharedProjectionClosingTests.Decision

    static func decide(_ command: Command, on hall: Hall) async throws -> Decision {
        do {
            try await hall.execute(command)
            return Decision(issued: true)
        } catch let refusal as TurnAfterClosing {
            return Decision(issued: false, turnAt: refusal.turnAt)
        }
    }

    /// Kiosk issues towards a closing half an hour away: past the first few, each is a close
    /// call or a refusal, decided as the newcomer's own projection on the state every earlier
    /// issue left says, and that projection is made outside the actor, once per issue (nothing
    /// changed the hall while it ran); none inside.
    @Test func refusalsAndCloseCallsTakeTheNewcomersOwnProjectionMadeOutsideTheActor() async throws {
        try await Self.quietDaemon(Self.closingSoon) { daemon, clock in
            let hall = daemon.hall
            _ = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            var refused = 0
            for i in 0..<12 {
                let command = Command.issue(service: "A", priority: false)
                let expected = try SharedProjectionClosingTests.ownDecision(
                    command, config: Self.closingSoon, state: await hall.read { $0 }, estimator: await hall.estimator, at: clock.now
                )
                let decided = try await Self.decide(command, on: hall)
                #expect(decided == expected, "issue \(i + 1)")
                if !decided.issued { refused += 1 }
            }
            #expect(refused > 0 && refused < 12, "the limit falls inside the twelve: \(refused) refused")
            #expect(try Self.count(Self.own, in: daemon) == 0, "no own projection inside the actor")
            let outside = try Self.count(Self.outside, in: daemon)
            #expect(outside >= refused, "every refusal decided on an own projection made outside: \(outside)")
            let tries = try Self.count(Self.tries, in: daemon)
            #expect(tries == outside, "one try each: the hall did not change while it ran (\(tries) tries, \(outside) taken)")
        }
    }

    /// While a kiosk's own projection waits on the projection thread, the hall takes a
    /// supervisor's issue: the projection, made on the hall before it, is not taken; another is
    /// made on the hall after it, and the kiosk's ticket is decided as that state's own
    /// projection says.
    @Test func anOwnProjectionOfAHallThatChangedMeanwhileIsMadeAgain() async throws {
        try await Self.quietDaemon(Self.closingSoon) { daemon, clock in
            let hall = daemon.hall
            for _ in 0..<8 { try await hall.execute(.issue(service: "A", priority: false, override: "test")) }
            _ = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            // The projection thread is held until the supervisor's issue is committed.
            let (triesBefore, outsideBefore) = (try Self.count(Self.tries, in: daemon), try Self.count(Self.outside, in: daemon))
            let gate = DispatchSemaphore(value: 0)
            hall.published.projections.async { gate.wait() }
            let kioskCommand = Command.issue(service: "A", priority: false)
            let kiosk = Task { try await Self.decide(kioskCommand, on: hall) }
            try await eventually("the kiosk's own projection is sent out") { try Self.count(Self.tries, in: daemon) == triesBefore + 1 }
            try await hall.execute(.issue(service: "A", priority: false, override: "test"))
            let expected = try SharedProjectionClosingTests.ownDecision(
                kioskCommand, config: Self.closingSoon, state: await hall.read { $0 }, estimator: await hall.estimator, at: clock.now
            )
            gate.signal()
            let decided = try await kiosk.value
            #expect(decided == expected, "decided on the hall after the supervisor's issue")
            #expect(try Self.count(Self.tries, in: daemon) == triesBefore + 2, "the first try, of the hall before it, was made again")
            #expect(try Self.count(Self.outside, in: daemon) == outsideBefore + 1)
            #expect(try Self.count(Self.own, in: daemon) == 0)
        }
    }

    /// A hall that changes faster than an own projection is made: after two tries in a row come
    /// back stale, the issue makes its projection inside at once instead of a third try, and so
    /// does the next close call, without a try; the one after probes outside again, and once a
    /// probe comes back fresh, close calls are sent outside as before. Each decided as the
    /// newcomer's own projection on the state every earlier command left says.
    @Test func afterTwoStaleTriesCloseCallsAreProjectedInsideUntilAProbeComesBackFresh() async throws {
        try await Self.quietDaemon(Self.closingSoon) { daemon, clock in
            let hall = daemon.hall
            for _ in 0..<8 { try await hall.execute(.issue(service: "A", priority: false, override: "test")) }
            _ = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            func counts() throws -> [Int] {
                try [Self.tries, Self.stale, Self.outside, Self.own].map { try Self.count($0, in: daemon) }
            }
            let before = try counts()
            func expected(_ command: Command) async throws -> Decision {
                try SharedProjectionClosingTests.ownDecision(
                    command, config: Self.closingSoon, state: await hall.read { $0 }, estimator: await hall.estimator, at: clock.now
                )
            }
            // Each try is held on the projection thread until a supervisor's issue has changed the hall.
            let kioskCommand = Command.issue(service: "A", priority: false)
            var gate = DispatchSemaphore(value: 0)
            hall.published.projections.async { [gate] in gate.wait() }
            let kiosk = Task { try await Self.decide(kioskCommand, on: hall) }
            var firstExpected: Decision?
            for attempt in 1...2 {
                try await eventually("try \(attempt) is sent out") { try counts()[0] == before[0] + attempt }
                try await hall.execute(.issue(service: "A", priority: false, override: "test"))
                let held = gate
                if attempt == 1 {
                    gate = DispatchSemaphore(value: 0)
                    hall.published.projections.async { [gate] in gate.wait() }
                } else {
                    firstExpected = try await expected(kioskCommand)
                }
                held.signal()
            }
            #expect(try await kiosk.value == firstExpected, "decided on the hall after both supervisor issues")
            #expect(try counts() == [before[0] + 2, before[1] + 2, before[2], before[3] + 1], "two stale tries, then inside")

            // The next close call: inside at once, no try.
            let secondExpected = try await expected(kioskCommand)
            #expect(try await Self.decide(kioskCommand, on: hall) == secondExpected)
            #expect(try counts() == [before[0] + 2, before[1] + 2, before[2], before[3] + 2], "inside without a try")

            // The next probes outside; the hall is calm, so it comes back fresh and is taken, and
            // the close call after it is sent outside again.
            for i in 1...2 {
                let thirdExpected = try await expected(kioskCommand)
                #expect(try await Self.decide(kioskCommand, on: hall) == thirdExpected)
                #expect(try counts() == [before[0] + 2 + i, before[1] + 2, before[2] + i, before[3] + 2], "outside again (\(i))")
            }
            #expect(await hall.ownProjectionOutlook == OwnProjectionOutlook())
        }
    }

    /// The heads-up pass reads the shared projection when it fits the last commit (a ticket
    /// issued since it does not change the windows), and projects only when it does not (a
    /// window paused since).
    @Test func theHeadsUpPassReadsTheSharedProjectionWhenItFits() async throws {
        try await Self.quietDaemon(TestHall.config) { daemon, clock in
            let hall = daemon.hall
            for _ in 0..<6 { try await hall.execute(.issue(service: "A", priority: false)) }
            let shared = hall.published.refreshEstimates(at: clock.now, maxAge: 1)
            try await hall.execute(.issue(service: "A", priority: false))
            #expect(hall.published.current.seq > shared.seq, "a commit since the projection")
            _ = await hall.enqueueHeadsUps()
            #expect(hall.published.currentEstimates.seq == shared.seq, "the pass made no projection of its own")

            try await hall.execute(.pause(counter: "1"))
            _ = await hall.enqueueHeadsUps()
            #expect(hall.published.currentEstimates.seq == hall.published.current.seq, "a window paused since: projected anew")
        }
    }
}
