import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Thousands of random commands, valid and invalid, at random windows, services and tickets,
/// with time moving forward across sessions and days. Seeded, so a failure replays exactly.
@Suite struct RandomisedEngineTests {
    static let counters: [CounterID] = ["1", "2", "3", "9"]
    static let services: [ServiceCode] = ["A", "B", "C", "Z"]

    /// A hall small enough that numbers run out (last = 40) and covers, quotas and service
    /// hours all come into play.
    static var config: HallConfig {
        var config = TestHall.config
        config.numbering = NumberRange(first: 1, last: 40)
        config.priority.everyNNormal = 2
        return config
    }

    struct Generator {
        var rng: KioskCore.SplitMix64

        mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

        /// A ticket number: usually one of today's in the wanted state, sometimes any, sometimes bogus.
        mutating func ticket(in state: HallState, preferring wanted: (TicketState) -> Bool) -> TicketNumber {
            let preferred = state.tickets.values.filter { wanted($0.state) }.map(\.number).sorted()
            if !preferred.isEmpty && chance(80) { return pick(preferred) }
            let all = state.tickets.keys.sorted()
            if !all.isEmpty && chance(85) { return pick(all) }
            return pick(["A404", "Q001", "B000"])
        }

        /// A window: usually one holding a ticket (so start, finish and friends get a chance).
        mutating func counter(in state: HallState) -> CounterID {
            let busy = state.counters.values.filter { $0.current != nil }.map(\.id).sorted()
            if !busy.isEmpty && chance(75) { return pick(busy) }
            return chance(95) ? pick(Array(RandomisedEngineTests.counters.prefix(3))) : "9"
        }

        mutating func command(in state: HallState, at now: Date) -> Command {
            let counter = counter(in: state)
            let service = chance(95) ? pick(Array(RandomisedEngineTests.services.prefix(3))) : "Z"
            let supervisor = pick(["王主任", "李科长"])
            switch int(0..<100) {
            case 0..<24: return .issue(service: service, priority: chance(20), contact: chance(30), override: chance(8) ? supervisor : nil)
            case 24..<38: return .callNext(counter: counter)
            case 38..<46: return .start(counter: counter)
            case 46..<54: return .finish(counter: counter)
            case 54..<57: return .recall(counter: counter)
            case 57..<60: return .noShow(counter: counter)
            case 60..<63: return .transfer(counter: counter, to: service)
            case 63..<65: return .park(counter: counter)
            case 65..<67:
                return .unpark(counter: counter, ticket: ticket(in: state) { if case .parked = $0 { true } else { false } })
            case 67..<70: return .cancel(ticket: ticket(in: state) { $0 == .waiting })
            case 70..<73:
                return .reactivate(ticket: ticket(in: state) { if case .noShow = $0 { true } else { false } }, by: supervisor)
            case 73..<75: return .callTicket(counter: counter, ticket: ticket(in: state) { $0 == .waiting }, by: supervisor)
            case 75..<78:
                // Sometimes with a fraction of a millisecond, as a real clock gives.
                let until: Date? = chance(50) ? nil : now.addingTimeInterval(Double(int(-600..<3600)) + Double(int(0..<10)) / 10_000)
                return .pause(counter: counter, until: until)
            case 78..<81: return .resume(counter: counter)
            case 81..<82: return .closeCounter(counter: counter)
            case 82..<85: return .openCounter(counter: counter)
            case 85..<87: return .cover(counter: counter, covered: pick(RandomisedEngineTests.counters), by: supervisor)
            case 87..<89: return .uncover(counter: counter, covered: chance(50) ? nil : pick(RandomisedEngineTests.counters), by: supervisor)
            case 89..<90: return .closeService(service: service, by: supervisor)
            case 90..<91: return .reopenService(service: service, by: supervisor)
            default: return .tick
            }
        }

        /// The next command's time: mostly seconds later, sometimes many minutes; after hours
        /// often straight to the next morning (or a random time of it), so days change often.
        mutating func advance(_ now: Date, calendar: HallCalendar) -> Date {
            let secondsOfDay = calendar.secondsOfDay(now)
            if (secondsOfDay > 17.5 * 3600 && chance(10)) || int(0..<1000) < 2 {
                let tomorrow = calendar.dayAfter(calendar.businessDate(of: now))
                return calendar.instant(on: tomorrow, secondsOfDay: Double(int(7 * 3600..<10 * 3600)) + Double(int(0..<1000)) / 1000)
            }
            switch int(0..<100) {
            case 0..<4: return now.addingTimeInterval(Double(int(0..<2400)))
            case 4..<20: return now
            default: return now.addingTimeInterval(Double(int(0..<600)) / 10)
            }
        }
    }

    struct Tally {
        var accepted: [String: Int] = [:]
        var refused: [String: Int] = [:]
        var days = 0
        var issued = 0
    }

    @Test(arguments: [1, 2, 3, 0x5EED_CAFE] as [UInt64])
    func randomCommandsNeverBreakTheHall(seed: UInt64) throws {
        let engine = QueueEngine(config: Self.config)
        var generator = Generator(rng: KioskCore.SplitMix64(seed: seed))
        var state = engine.initialState()
        var now = engine.calendar.instant(on: TestHall.monday, at: ClockTime("07:50")!)
        var allEvents: [HallEvent] = []
        var dayEvents: [HallEvent] = []
        var issuedToday: Set<TicketNumber> = []
        var lastNumberToday: [ServiceCode: Int] = [:]
        var tally = Tally()

        for step in 0..<2_500 {
            now = generator.advance(now, calendar: engine.calendar)
            let command = generator.command(in: state, at: now)
            let label = "seed \(seed) step \(step): \(command)"
            var after = state
            let events: [HallEvent]
            do {
                events = try engine.execute(command, on: &after, at: now)
            } catch {
                #expect(after == state, "refused \(label) changed the state")
                tally.refused[error.code, default: 0] += 1
                continue
            }
            tally.accepted["\(command)".prefix { $0 != "(" }.description, default: 0] += 1

            for event in events {
                #expect(event.at >= (allEvents.last?.at ?? event.at), "event before its predecessor: \(label)")
                // Events are kept to the millisecond, so one may round up to half a millisecond past now.
                #expect(event.at <= max(now, allEvents.last?.at ?? now).addingTimeInterval(0.0005), "event from the future: \(label)")
                engine.fold(event, into: &state)
                allEvents.append(event)
                dayEvents.append(event)
                switch event.kind {
                case let .dayStarted(date):
                    #expect(date == engine.calendar.businessDate(of: now), "\(label)")
                    dayEvents = [event]
                    issuedToday = []
                    lastNumberToday = [:]
                    tally.days += 1
                case let .issued(number, service, _, _, _):
                    #expect(issuedToday.insert(number).inserted, "\(number) issued twice: \(label)")
                    #expect(number.hasPrefix(service) && number.count == 4, "\(label)")
                    let n = try #require(Int(number.dropFirst()))
                    #expect(n == (lastNumberToday[service] ?? Self.config.numbering.first - 1) + 1, "\(number) skips or repeats: \(label)")
                    #expect(Self.config.numbering.first...Self.config.numbering.last ~= n, "\(label)")
                    lastNumberToday[service] = n
                    tally.issued += 1
                default:
                    break
                }
                let problems = state.invariantViolations()
                #expect(problems == [], "\(label) after \(event.kind)")
                if !problems.isEmpty { return }
            }
            // Each window holds at most one ticket, and only one that names it.
            for (id, counter) in state.counters {
                let held = state.tickets.values.filter { t in
                    switch t.state {
                    case let .called(c, _, _), let .serving(c, _): return c == id
                    default: return false
                    }
                }
                #expect(held.count <= 1, "window \(id) holds \(held.map(\.number)): \(label)")
                #expect(held.first?.number == counter.current, "window \(id): \(label)")
            }
            #expect(after == state, "execute and fold disagree: \(label)")
            if step % 250 == 0 {
                #expect(engine.replay(dayEvents) == state, "replay differs at \(label)")
            }
        }

        #expect(engine.replay(dayEvents) == state)
        #expect(engine.replay(allEvents) == state)
        // The last day, exported as a trace and read back, folds to the same hall.
        let trace = TraceDay(date: try #require(state.date), config: Self.config, events: dayEvents).jsonLines()
        let read = try TraceDay.read(jsonLines: trace)
        #expect(read.events == dayEvents)
        #expect(QueueEngine(config: read.config).replay(read.events) == state)
        // The run must have exercised the engine, or it proves nothing.
        #expect(tally.days >= 2, "\(tally)")
        #expect(tally.issued >= 150, "\(tally)")
        #expect((tally.accepted["callNext"] ?? 0) >= 50, "\(tally)")
        #expect((tally.accepted["finish"] ?? 0) >= 10, "\(tally)")
        #expect((tally.accepted["reactivate"] ?? 0) >= 3, "\(tally)")
        #expect(tally.accepted.keys.count >= 18, "\(tally.accepted.keys.sorted())")
        #expect(tally.refused.keys.count >= 18, "\(tally.refused.keys.sorted())")
    }
}
