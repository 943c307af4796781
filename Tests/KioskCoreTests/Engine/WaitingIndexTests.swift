import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The line's index (`HallState.waitingIndex`, kept by fold) counts exactly what the passes
/// over the line it replaced counted: people ahead of a ticket in its service, tickets waiting
/// per service, tickets issued since a given issue and still waiting, and from those a new
/// ticket's estimate from the shared projection. Random commands of every kind (transfers,
/// reactivations, cancels, calls by number) move tickets in and out of the line.
@Suite struct WaitingIndexTests {
    /// The old pass: waiting tickets of `number`'s service before it in line.
    static func scannedAhead(of number: TicketNumber, in state: HallState) -> Int? {
        guard let ticket = state.tickets[number], ticket.state == .waiting else { return nil }
        var count = 0
        for other in state.waiting {
            if other == number { return count }
            if state.tickets[other]?.service == ticket.service { count += 1 }
        }
        return count
    }

    /// The old pass: the waiting tickets issued at or after issue `sequence`, wherever they stand.
    static func scannedJoined(since sequence: Int, in state: HallState) -> [Ticket] {
        state.waitingTickets.filter { $0.sequence >= sequence }
    }

    /// The old count of `recent` tickets called before `newcomer`: its class, and for a
    /// normal ticket its service's priority ones too.
    static func scannedJoinedAhead(of newcomer: Ticket, among recent: [Ticket]) -> Int {
        recent.filter { $0.service == newcomer.service && ($0.priority || !newcomer.priority) }.count
    }

    struct Walk {
        var engine = QueueEngine(config: RandomisedEngineTests.config)
        var generator: RandomisedEngineTests.Generator
        var state: HallState
        var now: Date
        var longestLine = 0
        var accepted: [String: Int] = [:]

        init(seed: UInt64) {
            generator = RandomisedEngineTests.Generator(rng: SplitMix64(seed: seed))
            state = engine.initialState()
            now = engine.calendar.instant(on: TestHall.monday, at: ClockTime("07:50")!)
        }

        /// The next random command, applied and folded; the command, or nil when refused.
        mutating func step() -> Command? {
            now = generator.advance(now, calendar: engine.calendar)
            let command = generator.command(in: state, at: now)
            guard (try? engine.execute(command, on: &state, at: now)) != nil else { return nil }
            accepted["\(command)".prefix { $0 != "(" }.description, default: 0] += 1
            longestLine = max(longestLine, state.waiting.count)
            return command
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func theIndexCountsWhatAPassOverTheLineCounts(seed: UInt64) {
        var walk = Walk(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0xA11CE)
        for step in 0..<2_000 {
            guard walk.step() != nil else { continue }
            let state = walk.state
            for number in state.waiting {
                #expect(state.peopleAhead(of: number) == Self.scannedAhead(of: number, in: state), "seed \(seed) step \(step) \(number)")
            }
            for service in RandomisedEngineTests.services {
                #expect(state.waitingCount(for: service) == state.waitingTickets.filter { $0.service == service }.count, "seed \(seed) step \(step)")
            }
            let since = rng.index(state.issueSequence + 2)
            let joined = Self.scannedJoined(since: since, in: state)
            #expect(state.waitingIndex.joined(since: since) == joined.count, "seed \(seed) step \(step) since \(since)")
            for service in RandomisedEngineTests.services {
                for priority in [false, true] {
                    #expect(
                        state.waitingIndex.joined(since: since, service: service, priority: priority)
                            == joined.filter { $0.service == service && $0.priority == priority }.count,
                        "seed \(seed) step \(step) since \(since) \(service) \(priority)"
                    )
                }
            }
        }
        // The walk must have moved tickets in and out of the line in every way, or it proves little.
        #expect(walk.longestLine >= 15, "longest line \(walk.longestLine)")
        for kind in ["issue", "callNext", "callTicket", "cancel", "transfer", "reactivate"] {
            #expect((walk.accepted[kind] ?? 0) >= 3, "\(kind): \(walk.accepted)")
        }
    }

    /// A new ticket's estimate from a shared projection taken some commands earlier, counted on
    /// the index, is the one the hall made from passes over the line (the push-back by tickets
    /// issued since, the people ahead, the closing margin).
    @Test(arguments: [21, 22] as [UInt64])
    func aNewcomersEstimateFromTheIndexIsTheOneFromPassesOverTheLine(seed: UInt64) throws {
        var walk = Walk(seed: seed)
        var shared: LineProjection?
        var compared = 0
        var pushedBack = 0
        for step in 0..<1_500 {
            if step % 30 == 0, walk.state.date != nil {
                shared = WaitEstimator(config: walk.engine.config).projection(of: walk.state, at: walk.now)
            }
            let before = walk.state
            guard case .issue? = walk.step(), let shared, shared.date == before.date,
                  let issue = walk.state.tickets.values.first(where: { $0.sequence == before.issueSequence })
            else { continue }
            let newcomer = issue
            let recent = Self.scannedJoined(since: shared.issueSequence, in: before)
            let oldExtra = Self.scannedJoinedAhead(of: newcomer, among: recent)
            let oldAhead = before.waitingTickets.filter { $0.service == newcomer.service }.count
            let line = before.waitingIndex
            let extra = shared.joinedAhead(of: newcomer, in: line)
            #expect(extra == oldExtra, "seed \(seed) step \(step)")
            #expect(line.joined(since: shared.issueSequence) == recent.count, "seed \(seed) step \(step)")
            #expect(line.waiting(service: newcomer.service) == oldAhead, "seed \(seed) step \(step)")
            let old = shared.estimate(joining: newcomer, extraAhead: oldExtra, ahead: oldAhead, at: newcomer.issuedAt)
            let new = shared.estimate(joining: newcomer, extraAhead: extra, ahead: line.waiting(service: newcomer.service), at: newcomer.issuedAt)
            #expect(new == old, "seed \(seed) step \(step)")
            if let old, let new {
                #expect(
                    shared.closingMargin(of: new, service: newcomer.service, joinedSince: line.joined(since: shared.issueSequence), extraAhead: extra)
                        == shared.closingMargin(of: old, service: newcomer.service, joinedSince: recent.count, extraAhead: oldExtra)
                )
            }
            compared += 1
            if oldExtra > 0 { pushedBack += 1 }
        }
        #expect(compared >= 100, "compared \(compared)")
        #expect(pushedBack >= 20, "pushed back \(pushedBack)")
    }

    @Test func joinedAheadCountsItsClassAndForANormalTicketItsServicesPriorityOnes() {
        let shared = LineProjection.empty(at: .distantPast, config: TestHall.config)   // issue sequence -1: every ticket joined since
        var tickets: TicketBook = [:]
        for (i, (service, priority)) in [("A", false), ("A", true), ("B", false), ("A", false)].enumerated() {
            tickets["\(service)00\(i)"] = Ticket(number: "\(service)00\(i)", service: service, priority: priority, issuedAt: .distantPast, sequence: i)
        }
        let line = WaitingIndex(line: tickets.keys.sorted(), tickets: tickets)
        func t(_ service: ServiceCode, _ priority: Bool) -> Ticket {
            Ticket(number: "\(service)099", service: service, priority: priority, issuedAt: .distantPast, sequence: 9)
        }
        #expect(shared.joinedAhead(of: t("A", false), in: line) == 3)
        #expect(shared.joinedAhead(of: t("A", true), in: line) == 1)
        #expect(shared.joinedAhead(of: t("C", false), in: line) == 0)
    }

    @Test func aLineSetWholeByHandGetsItsIndexFromItsTickets() {
        var state = QueueEngine(config: TestHall.config).initialState()
        let at = Date(timeIntervalSince1970: 1_772_438_400)
        for (i, service) in ["A", "B", "A", "A"].enumerated() {
            state.tickets["\(service)00\(i)"] = Ticket(number: "\(service)00\(i)", service: service, priority: false, issuedAt: at.addingTimeInterval(Double(i)), sequence: i)
        }
        state.waiting = state.tickets.values.sorted(by: Ticket.linesUpBefore).map(\.number)
        #expect(state.peopleAhead(of: "A003") == 2)
        #expect(state.waitingCount(for: "A") == 3)
        #expect(state.invariantViolations() == [])
    }
}
