import Foundation
@testable import KioskCore
import KioskTestSupport
import Testing

/// The staffing advisor: what-if projections of the obvious moves against the hall as it is.
@Suite struct AdvisorTests {
    /// The test hall with C open all day and unlimited, `mayServe` as given, an estimator that
    /// learned yesterday that every window takes 300 s a ticket, and the day started at 08:00.
    static func hall(mayServe: [CounterID: [ServiceCode]] = [:]) throws -> (TestHall, WaitEstimator) {
        var config = TestHall.config
        config.services[2].dailyQuota = nil
        config.services[2].hours = nil
        for i in config.counters.indices { config.counters[i].mayServe = mayServe[config.counters[i].id] ?? [] }
        var hall = TestHall(config: config)
        let estimator = clockworkEstimator(config: config, engine: hall.engine)
        try hall.run(.tick, at: "08:00")
        return (hall, estimator)
    }

    /// Today's events folded into the warm-started estimator.
    static func folded(_ estimator: WaitEstimator, _ hall: TestHall) -> WaitEstimator {
        var estimator = estimator
        for event in hall.events { estimator.fold(event) }
        return estimator
    }

    /// Window 3 (the only one serving C) paused since 08:30 with twelve C tickets waiting.
    static func pausedWindowWithLongLine(mayServe: [CounterID: [ServiceCode]] = [:]) throws -> (Advisor, HallState, Date) {
        var (hall, estimator) = try hall(mayServe: mayServe)
        try hall.run(.pause(counter: "3"), at: "08:30")
        for i in 0..<12 { try hall.issue("C", at: "08:31", plus: Double(i * 60)) }
        try hall.issue("A", at: "08:50")
        return (Advisor(engine: hall.engine, estimator: folded(estimator, hall)), hall.state, hall.at("09:05"))
    }

    @Test func aPausedWindowWithALongLineGetsResumeOrCoverAdviceWithBeforeAndAfter() throws {
        let (advisor, state, now) = try Self.pausedWindowWithLongLine()
        let list = advisor.advise(state, at: now)
        let first = try #require(list.advice.first, "no advice for a paused window with twelve waiting")
        #expect([.resume, .cover].contains(first.move.kind))
        #expect(list.advice.contains { $0.move == StaffingMove(kind: .resume, window: "3") })
        #expect(list.advice.contains { $0.move.kind == .cover && $0.move.fromWindow == "3" })
        for advice in list.advice {
            #expect(advice.before == list.before)
            #expect(advice.longestCut >= advisor.minimumCut, "\(advice.move.id): \(advice.before.longestWaitMinutes) → \(advice.after.longestWaitMinutes)")
            #expect(Set(advice.after.waits.keys) == Set(state.waiting))
        }
        // Alternatives: one cover of window 3 (the best), not one per window able to cover it.
        #expect(list.advice.filter { $0.move.kind == .cover }.count == 1)
        // Best first.
        #expect(list.advice.map(\.longestCut) == list.advice.map(\.longestCut).sorted(by: >))
        #expect(list.before.longestWaitMinutes >= 60, "twelve C tickets at 5 min each behind a break: \(list.before.longestWaitMinutes)")
        #expect(list.before.pastTarget > 0)
        let resume = try #require(list.advice.first { $0.move.kind == .resume })
        let pastTarget = resume.pastTargetCut == 0 ? "" : "，超时 \(resume.before.pastTarget) → \(resume.after.pastTarget) 人"
        #expect(resume.text(in: advisor.engine.config) == "恢复3号窗口服务：最长等候 \(resume.before.longestWaitMinutes) → \(resume.after.longestWaitMinutes) 分钟\(pastTarget)")
        #expect(resume.textEN(in: advisor.engine.config).hasPrefix("Resume window 3: longest wait \(resume.before.longestWaitMinutes) → \(resume.after.longestWaitMinutes) min"))
    }

    @Test func theBaselineIsTheEstimatorsOwnProjectionAndAWhatIfOfNoChangeIsTheBaseline() throws {
        let (advisor, state, now) = try Self.pausedWindowWithLongLine()
        let list = advisor.advise(state, at: now)
        // Same draws: the baseline is what the estimator projects for the hall as the advisor
        // weighs it (window 3's plain pause taken as lasting one usual break more) …
        let weighed = advisor.weighingPlainPauses(state, at: now)
        let direct = advisor.estimator.estimates(in: weighed, at: now)
        #expect(list.before.waits == Dictionary(uniqueKeysWithValues: direct.map { ($0.ticket, Int(($0.wait / 60).rounded())) }))
        // … and a copy with a change the projection does not read (a later `lastEventAt`) draws alike.
        var copy = weighed
        copy.lastEventAt = now
        #expect(advisor.outlook(of: copy, estimator: advisor.estimator, at: now) == list.before)
    }

    /// Yesterday's breaks on top of the clockwork day: eight of 4 minutes and two of 25, so the
    /// projection brings a window paused two minutes ago back within minutes, while the hall's
    /// usual break (its 90th percentile) is 25 minutes.
    static func withBreaks(_ estimator: WaitEstimator, engine: QueueEngine) -> WaitEstimator {
        var estimator = estimator
        let yesterday = engine.calendar.midnight(of: TestHall.monday).addingTimeInterval(-86_400)
        for (i, minutes) in [4.0, 4, 4, 4, 4, 4, 4, 4, 25, 25].enumerated() {
            let start = yesterday.addingTimeInterval(13 * 3600 + Double(i) * 1800)
            estimator.fold(HallEvent(at: start, .paused(counter: "1", until: nil)))
            estimator.fold(HallEvent(at: start.addingTimeInterval(minutes * 60), .resumed(counter: "1")))
        }
        estimator.closeDay()
        return estimator
    }

    @Test func aPlainPauseIsWeighedAsAwayForOneUsualBreakMoreSoResumeAndCoverAreAdvised() throws {
        var (hall, warm) = try Self.hall()
        warm = Self.withBreaks(warm, engine: hall.engine)
        #expect(Advisor.usualBreak(warm.statistics.breaks) == 25 * 60)
        #expect(Advisor.usualBreak(SampleWindow()) == Advisor.priorUsualBreak)
        // Six C tickets (window 3 alone serves C, 5 min each), all already past their target.
        for i in 0..<6 { try hall.issue("C", at: "08:10", plus: Double(i * 60)) }
        let now = hall.at("09:02")
        func advice(_ pause: Command) throws -> (Advisor, HallState, StaffingAdviceList) {
            var paused = hall
            try paused.run(pause, at: "09:00")
            let advisor = Advisor(engine: paused.engine, estimator: Self.folded(warm, paused))
            return (advisor, paused.state, advisor.advise(paused.state, at: now))
        }

        // Back-at 09:06: resuming window 3 now gains four minutes: not advised (a second window
        // on the C line, a cover, still is).
        let (_, _, short) = try advice(.pause(counter: "3", until: hall.at("09:06")))
        #expect(!short.advice.contains { $0.move.kind == .resume }, "\(short.advice.map(\.move.id))")

        // A plain pause: weighed as back no sooner than one usual break from now (09:27), exactly
        // as if announced so …
        let (advisor, state, plain) = try advice(.pause(counter: "3"))
        let (_, _, announced) = try advice(.pause(counter: "3", until: now.addingTimeInterval(25 * 60)))
        #expect(plain.before == announced.before)
        #expect(plain.advice.map(\.move) == announced.advice.map(\.move))
        // … so resuming it, or a window covering it, is advised, with the minutes it saves.
        let resume = try #require(plain.advice.first { $0.move == StaffingMove(kind: .resume, window: "3") }, "\(plain.advice.map(\.move.id))")
        let cover = try #require(plain.advice.first { $0.move.kind == .cover && $0.move.fromWindow == "3" }, "\(plain.advice.map(\.move.id))")
        let shortCover = try #require(short.advice.first { $0.move == cover.move })
        #expect(cover.longestCut >= shortCover.longestCut + 10, "cover cuts \(cover.longestCut) against \(shortCover.longestCut) when back at 09:06")
        #expect(resume.longestCut >= 20, "\(resume.before.longestWaitMinutes) → \(resume.after.longestWaitMinutes)")
        #expect(resume.before == plain.before)
        // The citizens' estimates are the projection's own, unchanged: it still brings window 3
        // back after the rest of a learned break, minutes from now.
        let projected = advisor.estimator.estimates(in: state, at: now).map { Int(($0.wait / 60).rounded()) }.max() ?? 0
        #expect(plain.before.longestWaitMinutes - projected >= 15, "advisor \(plain.before.longestWaitMinutes), projection \(projected)")
    }

    @Test func resumingTheWindowMakesItsAdviceGo() throws {
        var (hall, estimator) = try Self.hall()
        try hall.run(.pause(counter: "3"), at: "08:30")
        for i in 0..<12 { try hall.issue("C", at: "08:31", plus: Double(i * 60)) }
        #expect(Advisor(engine: hall.engine, estimator: Self.folded(estimator, hall)).advise(hall.state, at: hall.at("09:05")).advice.isEmpty == false)
        try hall.run(.resume(counter: "3"), at: "09:05")
        let after = Advisor(engine: hall.engine, estimator: Self.folded(estimator, hall)).advise(hall.state, at: hall.at("09:05"))
        #expect(!after.advice.contains { $0.move.kind == .resume })
    }

    @Test func noAdviceWhenNothingHelps() throws {
        var (hall, estimator) = try Self.hall()
        // Window 2 paused: resuming it would call B001 five minutes sooner, but everyone is
        // called within target: a hall within its targets gets no advice.
        try hall.run(.pause(counter: "2"), at: "08:30")
        try hall.issue("A", at: "09:00")
        try hall.issue("B", at: "09:00", plus: 5)
        let calm = Advisor(engine: hall.engine, estimator: Self.folded(estimator, hall)).advise(hall.state, at: hall.at("09:01"))
        #expect(calm.advice.isEmpty, "\(calm.advice.map(\.move.id))")
        #expect(calm.before.waits.count == 2 && calm.before.pastTarget == 0)
        // A long A line with every window open: behind its targets, and no move to make.
        var (busy, busyEstimator) = try Self.hall()
        for i in 0..<30 { try busy.issue("A", at: "08:30", plus: Double(i * 30)) }
        let behind = Advisor(engine: busy.engine, estimator: Self.folded(busyEstimator, busy)).advise(busy.state, at: busy.at("09:00"))
        #expect(behind.before.pastTarget > 0)
        #expect(behind.advice.isEmpty, "\(behind.advice.map(\.move.id))")
        // An empty hall: nothing to advise either.
        let (empty, emptyEstimator) = try Self.hall()
        #expect(Advisor(engine: empty.engine, estimator: Self.folded(emptyEstimator, empty)).advise(empty.state, at: empty.at("09:00")).advice.isEmpty)
    }

    @Test func aHallFarBehindStillGetsTheMoveThatServesALineNobodyServes() throws {
        // Window 3 (C alone) paused until 16:00; 200 A and B tickets keep windows 1 and 2 busy
        // past the projection's six hours, so the longest wait is the horizon and everyone stays
        // past target whatever is done; only the C citizens' minutes change.
        var (hall, estimator) = try Self.hall()
        try hall.run(.pause(counter: "3", until: hall.at("16:00")), at: "08:10")
        for i in 0..<200 { try hall.issue(i % 2 == 0 ? "A" : "B", at: "08:15", plus: Double(i * 10)) }
        for i in 0..<10 { try hall.issue("C", at: "08:50", plus: Double(i * 10)) }
        let list = Advisor(engine: hall.engine, estimator: Self.folded(estimator, hall)).advise(hall.state, at: hall.at("09:30"))
        #expect(list.before.longestWaitMinutes == 360 && list.before.pastTarget == 210, "\(list.before.longestWaitMinutes) \(list.before.pastTarget)")
        let resume = try #require(list.advice.first { $0.move == StaffingMove(kind: .resume, window: "3") }, "\(list.advice.map(\.move.id))")
        #expect(resume.longestCut == 0 && resume.pastTargetCut == 0, "\(resume.longestCut) \(resume.pastTargetCut)")
        #expect(resume.before.minutesPastTarget - resume.after.minutesPastTarget >= 5 * 210)
        // Said in the figure that moved: the average citizen's minutes past target.
        #expect(resume.text(in: hall.config).hasSuffix("最长等候 360 → 360 分钟，人均超时 \(resume.before.averagePastTarget) → \(resume.after.averagePastTarget) 分钟"))
        #expect(resume.after.averagePastTarget <= resume.before.averagePastTarget - 5)
    }

    @Test func aServiceAWindowsConfigDoesNotAllowIsNeverProposed() throws {
        // Window 1 may take on C; window 2 may not (and serves neither C nor may serve it).
        let (advisor, state, now) = try Self.pausedWindowWithLongLine(mayServe: ["1": ["C"]])
        let config = advisor.engine.config
        let candidates = advisor.candidates(in: state, at: now)
        #expect(candidates.contains(StaffingMove(kind: .addService, window: "1", service: "C")))
        let givenTo2 = candidates.filter { move in move.window == "2" && (move.kind == .addService || move.kind == .cover) }
        #expect(givenTo2.isEmpty)
        let list = advisor.advise(state, at: now)
        #expect(!list.advice.isEmpty)
        for advice in list.advice {
            let window = try #require(config.counter(advice.move.window))
            let gained: [ServiceCode] = switch advice.move.kind {
            case .addService: [advice.move.service!]
            case .cover: config.counter(advice.move.fromWindow!)!.services
            default: []
            }
            #expect(gained.allSatisfy { window.services.contains($0) || window.mayServe.contains($0) }, "\(advice.move.id)")
        }
        // The config change it names is exactly the one service added.
        let add = StaffingMove(kind: .addService, window: "1", service: "C")
        #expect(add.config(from: config)?.counter("1")?.services == ["A", "B", "C"])
        #expect(StaffingMove(kind: .addService, window: "2", service: "C").config(from: config) == nil)
    }

    @Test func aClosedWindowIsOpenedOnlyWithinTheHallsHours() throws {
        var (hall, estimator) = try Self.hall()
        try hall.run(.closeCounter(counter: "3"), at: "08:30")
        for i in 0..<12 { try hall.issue("C", at: "08:31", plus: Double(i * 60)) }
        let morning = Advisor(engine: hall.engine, estimator: Self.folded(estimator, hall)).advise(hall.state, at: hall.at("09:05"))
        #expect(morning.advice.contains { $0.move == StaffingMove(kind: .open, window: "3") })
        // At lunch (12:00–14:00 is outside the sessions) the line is still there: no opening.
        let lunch = Advisor(engine: hall.engine, estimator: Self.folded(estimator, hall)).advise(hall.state, at: hall.at("12:30"))
        #expect(!lunch.before.waits.isEmpty)
        #expect(!lunch.advice.contains { $0.move.kind == .open })
    }

    @Test func aMoveTheEngineRefusesIsNeverAdvised() throws {
        let (advisor, state, now) = try Self.pausedWindowWithLongLine()
        // Window 1 is open: "resume 1" and "open 1" are refused by the engine.
        #expect(advisor.whatIf(StaffingMove(kind: .resume, window: "1"), on: state, at: now) == nil)
        #expect(advisor.whatIf(StaffingMove(kind: .open, window: "1"), on: state, at: now) == nil)
        #expect(advisor.whatIf(StaffingMove(kind: .endCover, window: "1", fromWindow: "3"), on: state, at: now) == nil)
        #expect(advisor.whatIf(StaffingMove(kind: .resume, window: "3"), on: state, at: now) != nil)
    }

    @Test(arguments: ["resume:5", "open:5", "cover:2:5", "end_cover:2:5", "add_service:5:B"])
    func aMovesIDReadsBack(id: String) throws {
        #expect(try #require(StaffingMove(id: id)).id == id)
    }

    @Test(arguments: ["", "resume", "resume:", "cover:2", "pause:5", "add_service:5:", "open:5:6"])
    func aMalformedIDIsNoMove(id: String) {
        #expect(StaffingMove(id: id) == nil)
    }
}
