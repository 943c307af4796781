import Foundation
import KioskCore
import Testing

/// The live wait estimator on hand-built halls: events are folded as facts (no engine
/// decisions), so each test sets exactly the state it talks about.
@Suite struct WaitEstimatorTests {
    /// Two services; window 1 serves A, window 2 serves A and B.
    static let config = HallConfig(
        sessions: [TimeSpan(ClockTime(hour: 8, minute: 30), ClockTime(hour: 12, minute: 0))],
        priority: PriorityRule(everyNNormal: 3, scope: .hall),
        services: [ServiceConfig(code: "A", name: "社保", nameEN: "Social insurance"), ServiceConfig(code: "B", name: "医保")],
        counters: [CounterConfig(id: "1", services: ["A"]), CounterConfig(id: "2", services: ["A", "B"])]
    )

    /// A hall being built event by event, with the estimator folding the same events.
    struct Hall {
        let engine = QueueEngine(config: WaitEstimatorTests.config)
        var state: HallState
        var estimator: WaitEstimator
        let midnight: Date
        var next = 0

        init(options: WaitEstimator.Options = WaitEstimator.Options()) {
            state = engine.initialState()
            estimator = WaitEstimator(config: WaitEstimatorTests.config, options: options)
            midnight = engine.calendar.midnight(of: BusinessDate("2025-03-04")!)
        }

        /// `minutes` after 09:00.
        func at(_ minutes: Double) -> Date { midnight.addingTimeInterval(9 * 3600 + minutes * 60) }

        mutating func fold(_ kind: HallEvent.Kind, at minutes: Double) {
            let event = HallEvent(at: at(minutes), kind)
            engine.fold(event, into: &state)
            estimator.fold(event)
        }

        @discardableResult
        mutating func issue(_ service: ServiceCode = "A", priority: Bool = false, at minutes: Double) -> TicketNumber {
            next += 1
            let number = service + String(100 + next)
            fold(.issued(ticket: number, service: service, priority: priority, contact: false, audit: nil), at: minutes)
            return number
        }

        /// An A ticket issued at `minutes` and called at `counter` at once: the window is busy with it.
        @discardableResult
        mutating func issueAndCall(_ service: ServiceCode = "A", counter: CounterID, at minutes: Double) -> TicketNumber {
            let number = issue(service, at: minutes)
            fold(.called(ticket: number, counter: counter, audit: nil), at: minutes)
            return number
        }

        /// The same, and its service started at `start`.
        @discardableResult
        mutating func issueAndStart(counter: CounterID, at minutes: Double, startedAt start: Double) -> TicketNumber {
            let number = issueAndCall(counter: counter, at: minutes)
            fold(.started(ticket: number, counter: counter), at: start)
            return number
        }

        /// A whole visit at `counter`: called at `minutes`, served for `occupancy` minutes.
        mutating func serve(_ service: ServiceCode = "A", counter: CounterID, at minutes: Double, occupancy: Double) {
            let number = issueAndCall(service, counter: counter, at: minutes)
            fold(.started(ticket: number, counter: counter), at: minutes + 0.5)
            fold(.finished(ticket: number, counter: counter), at: minutes + occupancy)
        }

        /// Teaches the estimator a previous day on which every A visit took `occupancy` minutes.
        mutating func learnYesterday(occupancy: Double, breaks: Double? = nil) {
            var t = -30.0
            for _ in 0..<20 {
                serve(counter: "1", at: t, occupancy: occupancy)
                t += occupancy
            }
            if let breaks {
                fold(.paused(counter: "2", until: nil), at: 0)
                fold(.resumed(counter: "2"), at: breaks)
                fold(.paused(counter: "2", until: nil), at: breaks + 1)
                fold(.resumed(counter: "2"), at: 2 * breaks + 1)
            }
            estimator.closeDay()
            state = engine.initialState()
        }

        func estimates(at minutes: Double) -> [TicketNumber: WaitEstimate] {
            Dictionary(uniqueKeysWithValues: estimator.estimates(in: state, at: at(minutes)).map { ($0.ticket, $0) })
        }

        /// Yesterday 10 minutes a visit; today window 2 is paused, window 1 serves A101 (called at
        /// 0, started at 0.5), and `waiting` A tickets stand behind it, issued 0.1 minutes apart.
        static func oneWindowServing(waiting: Int) -> (Hall, served: TicketNumber, line: [TicketNumber]) {
            var hall = Hall()
            hall.learnYesterday(occupancy: 10)
            hall.fold(.paused(counter: "2", until: nil), at: -1)
            let served = hall.issueAndStart(counter: "1", at: 0, startedAt: 0.5)
            let line = (1...waiting).map { hall.issue(at: Double($0) * 0.1) }
            return (hall, served, line)
        }
    }

    @Test func ticketForAnIdleWindowIsCalledAtOnce() throws {
        var hall = Hall()
        let number = hall.issue(at: 0)
        let estimate = try #require(hall.estimator.estimate(for: number, in: hall.state, at: hall.at(0)))
        #expect(estimate.wait == 0)
        #expect(estimate.headsUpAt == hall.at(0))
    }

    @Test func waitGrowsWithPlaceInLineAtTheLearnedPace() throws {
        var (hall, _, line) = Hall.oneWindowServing(waiting: 4)
        hall.fold(.resumed(counter: "2"), at: 0.5)   // now two windows serve A
        let estimates = hall.estimates(at: 1)
        let waits = try line.map { try #require(estimates[$0]).wait / 60 }
        #expect(waits == waits.sorted())
        // Two windows, 10 min a visit: the 4th in line is called after about 15 minutes.
        #expect(waits[0] < 2)
        #expect(abs(waits[3] - 15) <= 4, "waits \(waits)")
    }

    @Test func slowerServiceMeansLongerWaits() throws {
        var fast = Hall(), slow = Hall()
        fast.learnYesterday(occupancy: 4)
        slow.learnYesterday(occupancy: 12)
        var waits: [Double] = []
        for var hall in [fast, slow] {
            for counter in ["1", "2"] { hall.issueAndCall(counter: counter, at: 0) }
            let mine = (1...5).map { hall.issue(at: Double($0) * 0.1) }.last!
            waits.append(try #require(hall.estimates(at: 1)[mine]).wait)
        }
        #expect(waits[1] > 2 * waits[0])
    }

    @Test func pausedWindowWithBackAtTimeReturnsThen() throws {
        var hall = Hall()
        hall.learnYesterday(occupancy: 5)
        hall.fold(.paused(counter: "1", until: hall.at(30)), at: 0)
        hall.fold(.paused(counter: "2", until: hall.at(30)), at: 0)
        let number = hall.issue(at: 1)
        let estimate = try #require(hall.estimates(at: 1)[number])
        #expect(abs(estimate.wait / 60 - 29) <= 1)
    }

    @Test func breakUnderWayUsesLearnedBreakLengths() throws {
        var hall = Hall()
        hall.learnYesterday(occupancy: 5, breaks: 60)
        hall.fold(.paused(counter: "2", until: nil), at: 0)
        let number = hall.issue("B", at: 10)
        let estimate = try #require(hall.estimates(at: 10)[number])
        // Breaks here last an hour; ten minutes in, about fifty remain.
        #expect(abs(estimate.wait / 60 - 50) <= 5, "wait \(estimate.wait / 60) min")
    }

    @Test func priorityTicketOvertakesTheNormalLine() throws {
        var hall = Hall()
        hall.learnYesterday(occupancy: 8)
        for counter in ["1", "2"] { hall.issueAndCall(counter: counter, at: 0) }
        let normals = (1...6).map { hall.issue(at: Double($0) * 0.1) }
        let elder = hall.issue(priority: true, at: 1)
        let estimates = hall.estimates(at: 1)
        #expect(try #require(estimates[elder]).wait < #require(estimates[normals[5]]).wait)
    }

    @Test func closedWindowNeverCalls() throws {
        var hall = Hall()
        hall.learnYesterday(occupancy: 6)
        hall.fold(.counterClosed(counter: "2"), at: 0)
        let number = hall.issue("B", at: 1)
        let estimate = try #require(hall.estimates(at: 1)[number])
        #expect(estimate.wait >= WaitEstimator.Options().horizon - 60)
    }

    @Test func sameStateGivesTheSameEstimate() {
        var hall = Hall()
        hall.learnYesterday(occupancy: 7)
        hall.issueAndCall(counter: "1", at: 0)
        hall.fold(.paused(counter: "2", until: nil), at: 0)
        for i in 1...5 { hall.issue(at: Double(i)) }
        #expect(hall.estimator.estimates(in: hall.state, at: hall.at(6)) == hall.estimator.estimates(in: hall.state, at: hall.at(6)))
    }

    @Test func rangeHoldsTheEstimateAndHeadsUpPrecedesTheCall() throws {
        var hall = Hall()
        hall.learnYesterday(occupancy: 9)
        for counter in ["1", "2"] { hall.issueAndCall(counter: counter, at: 0) }
        for i in 1...8 { hall.issue(at: Double(i) * 0.1) }
        for e in hall.estimator.estimates(in: hall.state, at: hall.at(1)) {
            #expect(e.low <= e.wait && e.wait <= e.high, "\(e.ticket): \(e.low) \(e.wait) \(e.high)")
            #expect(e.headsUpAt <= e.callAt)
            #expect(e.wait.truncatingRemainder(dividingBy: 60) == 0)   // printed to the minute
            #expect(e.headsUpRemaining(threshold: 600) >= 600)
        }
    }

    @Test func explanationCountsPeopleAheadAndWindows() throws {
        var hall = Hall()
        hall.learnYesterday(occupancy: 6)
        hall.fold(.paused(counter: "2", until: nil), at: 0)
        hall.issueAndCall(counter: "1", at: 0)
        hall.issue(at: 0.1)
        hall.issue("B", at: 0.2)
        hall.issue(at: 0.3)
        let mine = hall.issue(at: 0.4)
        let why = try #require(hall.estimates(at: 1)[mine]).explanation
        #expect(why.ahead == 2)
        #expect(why.windowsOpen == 1 && why.windowsAway == 1)
        #expect(why.chinese == "前面 2 人；1 个窗口办理「社保」，本时段约 6 分钟/人（1 个窗口暂离）")
        #expect(why.english == "2 ahead; 1 window serves Social insurance, ~6 min per person this hour (1 away)")
    }

    @Test func foldLearnsOccupancyFromCallToFree() {
        var hall = Hall()
        let a = hall.issueAndCall(counter: "1", at: 0)
        hall.fold(.recalled(ticket: a, counter: "1", n: 1), at: 1)
        hall.fold(.noShow(ticket: a, counter: "1", automatic: true), at: 2)
        hall.serve(counter: "2", at: 3, occupancy: 7)
        let samples = hall.estimator.statistics.occupancy["A"]?.values ?? []
        #expect(samples == [120, 420])
        #expect(hall.estimator.statistics.service["A"]?.values == [390])
    }

    @Test func foldSeparatesWalkUpFromUnansweredCalls() {
        var hall = Hall()
        let a = hall.issueAndCall(counter: "1", at: 0)
        hall.fold(.noShow(ticket: a, counter: "1", automatic: true), at: 3)
        hall.serve(counter: "2", at: 3, occupancy: 7)
        let stats = hall.estimator.statistics
        #expect(stats.unserved.values == [180])
        #expect(stats.callToStart.values == [30])
        #expect((stats.servedCalls, stats.unservedCalls) == (1, 1))
    }

    @Test func aServiceThatRunsLongDelaysTheNextCall() throws {
        // Yesterday every visit took 10 minutes; today the one window's service is at 25.
        var hall = Hall()
        hall.learnYesterday(occupancy: 10)
        // Some spread, so the fit has a shape of its own; the longest was 24 minutes.
        let spread: [Double] = [6, 7, 8, 8, 9, 9, 10, 10, 10, 11, 11, 12, 12, 13, 14, 15, 16, 18, 20, 24]
        for (i, minutes) in spread.enumerated() {
            hall.serve(counter: "1", at: Double(i) * 30 - 700, occupancy: minutes)
        }
        hall.fold(.counterClosed(counter: "2"), at: -1)   // only window 1 serves A today
        hall.issueAndStart(counter: "1", at: 0, startedAt: 0)
        let next = hall.issue(at: 1)
        let early = try #require(hall.estimates(at: 1)[next])
        let late = try #require(hall.estimates(at: 25)[next])
        // Early on, the call is about one service away (these run ~12 min today); at 25 minutes
        // the service is a long case whose end is still minutes away, not "any second now".
        #expect((8 * 60...16 * 60).contains(early.wait), "early \(early.wait)")
        #expect(late.wait >= 60 && late.high >= 240, "late \(late.wait) \(late.high)")
    }
}
