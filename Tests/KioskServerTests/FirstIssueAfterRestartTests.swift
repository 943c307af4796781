import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// The first tickets after a restart of a big day: there is no shared projection of the line
/// yet, and a new ticket's estimate is taken from one made on the projection thread while the
/// issue waits outside the hall actor, never from a projection of the whole line inside it
/// (which would hold every other command, `/healthz` aside, for as long as it runs). Counted on
/// the daemon's metrics (`kiosk_issue_estimates_total{source}`), never timed.
@Suite(.timeLimit(.minutes(10)))
struct FirstIssueAfterRestartTests {
    static let waiting = 2_000

    /// Sixty windows for services A and B, one session 08:00–20:00: at 09:00 the line's last
    /// ticket is called within the estimator's horizon (so its figure means something) and the
    /// session's end lies beyond it (the closing-time rule has nothing to decide).
    static let bigHall = HallConfig(
        name: "测试大厅", nameEN: "Test hall", timeZoneID: "Asia/Shanghai",
        sessions: [TestHall.span("08:00", "20:00")],
        numbering: NumberRange(first: 1, last: 9999),
        services: [
            ServiceConfig(code: "A", name: "求职登记", documents: ["身份证"]),
            ServiceConfig(code: "B", name: "职业介绍"),
        ],
        counters: (1...60).map { CounterConfig(id: "\($0)", services: ["A", "B"]) }
    )

    /// A daemon started on a journal that already holds a day of `waiting` tickets (A and B in
    /// turn, issued 08:00–09:00, nobody called yet, written as the daemon journals them), the
    /// hall clock at 09:00; `projector` false: no `LineProjector` and no heads-up pass, so
    /// nothing but the issue path makes a projection.
    static func restartedOnABigDay<T: Sendable>(
        projector: Bool, _ body: (InProcessDaemon, ManualClock) async throws -> T
    ) async throws -> T {
        let directory = NSTemporaryDirectory() + "kiosk-first-issue-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var day = TestHall(config: bigHall)
        for i in 0..<waiting {
            try day.run(.issue(service: i % 2 == 0 ? "A" : "B", priority: false), at: "08:00", plus: Double(i) * 3600 / Double(waiting))
        }
        let journal = try SQLiteJournal(path: directory + "/journal.sqlite", calendar: day.engine.calendar)
        _ = try journal.append(day.events, contacts: [])

        let clock = ManualClock(hallTime: "09:00", config: bigHall)
        var options = KioskDaemon.Options.forTests(config: bigHall, dataDirectory: directory, clock: { clock.now })
        if !projector {
            options.projectorSpacing = nil
            options.headsUpInterval = nil
        }
        return try await InProcessDaemon.with(options) { daemon in try await body(daemon, clock) }
    }

    static func count(_ name: String, in daemon: InProcessDaemon) throws -> Int {
        try ScreensLoadTests.counter(name, in: daemon.daemon.metrics.render())
    }

    static let own = #"kiosk_issue_estimates_total{source="own"}"#
    static let shared = #"kiosk_issue_estimates_total{source="shared"}"#
    static let waits = "kiosk_issue_projection_waits_total"

    /// With nothing else projecting, the first issue finds no projection, waits for one made of
    /// the last commit off the actor, and prints that projection plus the ticket: the figure
    /// the hall's own projection of the newcomer gives, within the closing-time rule's margin
    /// (two sets of Monte Carlo draws).
    @Test func theFirstIssueAfterARestartIsEstimatedFromASharedProjectionMadeOutsideTheActor() async throws {
        try await Self.restartedOnABigDay(projector: false) { daemon, clock in
            let hall = daemon.hall
            #expect(hall.published.currentEstimates.seq == -1, "no projection yet after the restart")
            let (before, estimator) = await hall.read { ($0, $1) }
            #expect(before.waiting.count == Self.waiting, "the day was folded at start")
            let seqBefore = hall.published.current.seq

            let outcome = try await hall.execute(.issue(service: "A", priority: false))
            let printed = try #require(outcome.printed)

            #expect(try Self.count(Self.own, in: daemon) == 0, "no projection of the whole line inside the actor")
            #expect(try Self.count(Self.shared, in: daemon) == 1)
            #expect(try Self.count(Self.waits, in: daemon) == 1, "the issue waited for the first projection")
            let projection = hall.published.currentEstimates
            #expect(projection.seq == seqBefore, "projected from the last commit before the issue")
            #expect(projection.all.count == Self.waiting, "the whole line")

            let ticket = try #require(await hall.read { $0.tickets[printed.ticket] })
            let ahead = before.waitingTickets.filter { $0.service == "A" }.count
            let expected = try #require(projection.line.estimate(joining: ticket, extraAhead: 0, ahead: ahead, at: clock.now))
            #expect(printed.wait == expected.wait && printed.callAt == expected.callAt, "the shared projection plus the ticket")
            #expect(printed.explanation.ahead == Self.waiting / 2)

            let itsOwn = try #require(estimator.estimate(issuing: ticket, in: before, at: clock.now))
            #expect(itsOwn.wait > 3600 && itsOwn.wait < estimator.options.horizon, "a long line, within the horizon: \(itsOwn.wait)")
            let margin = projection.line.closingMargin(of: itsOwn, service: "A", joinedSince: 0, extraAhead: 0)
            #expect(abs(printed.wait - itsOwn.wait) <= margin, "printed \(printed.wait) s, its own projection \(itsOwn.wait) s")

            // The next one finds that projection fitting: no second wait.
            _ = try await hall.execute(.issue(service: "B", priority: false))
            #expect(try Self.count(Self.waits, in: daemon) == 1)
            #expect(try Self.count(Self.shared, in: daemon) == 2 && Self.count(Self.own, in: daemon) == 0)
        }
    }

    /// Kiosks issuing at once right after the restart, beside a window calling and the
    /// projector starting: every ticket is issued, each once, none projected inside the actor.
    @Test func parallelIssuesRightAfterARestartAllUseTheSharedProjection() async throws {
        let kiosks = 16
        try await Self.restartedOnABigDay(projector: true) { daemon, _ in
            let hall = daemon.hall
            let numbers = try await withThrowingTaskGroup(of: TicketNumber?.self) { group in
                for k in 0..<kiosks {
                    group.addTask { try await hall.execute(.issue(service: k % 2 == 0 ? "A" : "B", priority: false)).printed?.ticket }
                }
                group.addTask {
                    _ = try await hall.execute(.callNext(counter: "1"))
                    return nil
                }
                return try await group.reduce(into: [TicketNumber]()) { if let number = $1 { $0.append(number) } }
            }
            #expect(numbers.count == kiosks && Set(numbers).count == kiosks, "\(numbers)")
            #expect(try Self.count(Self.own, in: daemon) == 0, "no projection of the whole line inside the actor")
            #expect(try Self.count(Self.shared, in: daemon) == kiosks)
            let state = await hall.read { $0 }
            #expect(state.waiting.count == Self.waiting + kiosks - 1)
        }
    }
}
