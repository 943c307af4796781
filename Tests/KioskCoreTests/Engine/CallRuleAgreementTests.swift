import Foundation
import KioskCore
import Testing

/// One call rule: the engine's call and the estimator's projection both decide through
/// `CallRule.choose`. Over random halls, a window that is free now takes in the projection
/// exactly the ticket the engine would call, and both agree with the rule as first written
/// (a plain reading of the wait-eval README, kept here as the reference).
@Suite struct CallRuleAgreementTests {
    static let codes: [ServiceCode] = ["A", "B", "C", "D"]

    /// A random hall whose window `free` is open and idle and every other window closed.
    static func randomHall(_ rng: inout SplitMix64) -> (HallConfig, HallState, CounterID, Date) {
        let windows = 1 + rng.index(3)
        let counters = (1...windows).map { i in
            var services = codes.shuffled(using: &rng)
            services.removeLast(rng.index(codes.count))
            return CounterConfig(id: "\(i)", services: services, policy: rng.index(2) == 0 ? .fifo : .serviceOrder)
        }
        let config = HallConfig(
            sessions: [TimeSpan(ClockTime(hour: 8, minute: 0), ClockTime(hour: 17, minute: 0))],
            priority: PriorityRule(
                everyNNormal: rng.index(4), scope: rng.index(2) == 0 ? .hall : .counter,
                ageingGuardMinutes: rng.index(2) == 0 ? nil : 5 + rng.index(26)
            ),
            services: codes.map { ServiceConfig(code: $0, name: "业务\($0)") },
            counters: counters
        )
        let engine = QueueEngine(config: config)
        let date = BusinessDate(year: 2026, month: 3, day: 2)
        let now = engine.calendar.instant(on: date, at: ClockTime(hour: 11, minute: 0))
        var state = engine.initialState()
        state.date = date
        state.openSession = 0
        state.normalCallsSincePriority = rng.index(5)
        // Whole seconds, so "waited ≥ the guard" is exact in both time representations.
        var issued = (0..<rng.index(13)).map { _ in Double(rng.index(3600)) }.sorted(by: >)
        if rng.index(4) == 0, !issued.isEmpty { issued[rng.index(issued.count)] = issued.first! }   // ties in issue time
        for (sequence, ago) in issued.enumerated() {
            let service = codes[rng.index(codes.count)]
            let number = service + String(100 + sequence)
            let ticket = Ticket(number: number, service: service, priority: rng.index(3) == 0, issuedAt: now.addingTimeInterval(-ago), sequence: sequence)
            state.tickets[number] = ticket
        }
        state.waiting = state.tickets.values.sorted(by: Ticket.linesUpBefore).map(\.number)
        state.issueSequence = issued.count
        let free = "\(1 + rng.index(windows))"
        for counter in counters {
            var live = CounterState(id: counter.id, availability: counter.id == free ? .open : .closed)
            live.normalCallsSincePriority = rng.index(5)
            if rng.index(3) == 0, let other = counters.randomElement(using: &rng)?.id, other != counter.id { live.covering = [other] }
            state.counters[counter.id] = live
        }
        return (config, state, free, now)
    }

    @Test func theProjectionAndTheEngineCallTheSameTicketIn10000RandomHalls() {
        var rng = SplitMix64(seed: 20261201)
        var called = 0
        for _ in 0..<10_000 {
            let (config, state, free, now) = Self.randomHall(&rng)
            let engineChoice = CallRule(config: config).select(for: free, in: state, at: now)?.number
            #expect(engineChoice == Self.reference(config: config, counter: free, state: state, now: now)?.number)
            // The only window free now takes its ticket at once in every replicate (the
            // next call comes an occupancy later): the projection's choice is the wait-0 ticket.
            let projected = WaitEstimator(config: config).estimates(in: state, at: now).filter { $0.wait == 0 }.map(\.ticket)
            #expect(projected == engineChoice.map { [$0] } ?? [], "window \(free) in \(state.waitingTickets.map { ($0.number, $0.priority) })")
            if engineChoice != nil { called += 1 }
        }
        #expect(called > 5_000, "most random halls have a ticket to call")
    }

    /// The call rule as first written in the engine, before it was shared.
    static func reference(config: HallConfig, counter: CounterID, state: HallState, now: Date) -> Ticket? {
        let eligible = CallRule(config: config).services(of: counter, in: state)
        var normal: [Ticket] = [], priority: [Ticket] = []
        for ticket in state.waitingTickets where eligible.contains(ticket.service) {
            if ticket.priority { priority.append(ticket) } else { normal.append(ticket) }
        }
        if let minutes = config.priority.ageingGuardMinutes, let oldest = normal.first,
           now.timeIntervalSince(oldest.issuedAt) >= Double(minutes) * 60 {
            return oldest
        }
        let since = config.priority.scope == .hall
            ? state.normalCallsSincePriority
            : state.counters[counter]?.normalCallsSincePriority ?? 0
        let policy = config.counter(counter)?.policy ?? .fifo
        func pick(_ candidates: [Ticket]) -> Ticket? {
            guard policy == .serviceOrder else { return candidates.first }
            for service in eligible {
                if let ticket = candidates.first(where: { $0.service == service }) { return ticket }
            }
            return candidates.first
        }
        if !priority.isEmpty && (normal.isEmpty || since >= config.priority.everyNNormal) { return pick(priority) }
        if !normal.isEmpty { return pick(normal) }
        return nil
    }
}
