import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// `WaitReplay`, the loop behind `kiosk replay`: the harness's lines, and the daemon's
/// heads-up rule in the updates stream.
@Suite struct WaitReplayTests {
    let config = TestHall.config
    var calendar: HallCalendar { QueueEngine(config: config).calendar }

    func day(_ date: BusinessDate, _ steps: [(minutes: Double, kind: HallEvent.Kind)]) -> TraceDay {
        let eight = calendar.instant(on: date, at: ClockTime(hour: 8, minute: 0))
        let events = [HallEvent(at: eight, .dayStarted(date)), HallEvent(at: eight, .sessionOpened(0))]
            + steps.map { HallEvent(at: eight.addingTimeInterval($0.minutes * 60), $0.kind) }
        return TraceDay(date: date, config: config, events: events)
    }

    /// A day whose A and B services took 40 minutes each: the estimator learns long services.
    var slowHistory: TraceDay {
        var steps: [(minutes: Double, kind: HallEvent.Kind)] = []
        for i in 0..<6 {
            let t = Double(i) * 41, ticket = "A\(100 + i)", window = i % 2 == 0 ? "1" : "2"
            steps += [
                (t, .issued(ticket: ticket, service: "A", priority: false, contact: false, audit: nil)),
                (t + 0.1, .called(ticket: ticket, counter: window, audit: nil)),
                (t + 0.5, .started(ticket: ticket, counter: window)),
                (t + 40.5, .finished(ticket: ticket, counter: window)),
            ]
        }
        return day(BusinessDate(year: 2026, month: 2, day: 27), steps.sorted { $0.minutes < $1.minutes })
    }

    /// Both A/B windows start long services at 08:00; A001 arrives at 08:01 with nobody ahead.
    var morning: TraceDay {
        day(TestHall.monday, [
            (0, .issued(ticket: "B001", service: "B", priority: false, contact: false, audit: nil)),
            (0, .issued(ticket: "B002", service: "B", priority: false, contact: false, audit: nil)),
            (0.1, .called(ticket: "B001", counter: "1", audit: nil)),
            (0.1, .called(ticket: "B002", counter: "2", audit: nil)),
            (0.2, .started(ticket: "B001", counter: "1")),
            (0.2, .started(ticket: "B002", counter: "2")),
            (1, .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: nil)),
            (1.5, .issued(ticket: "A002", service: "A", priority: false, contact: false, audit: nil)),
            (30, .finished(ticket: "B001", counter: "1")),
            (30.1, .called(ticket: "A001", counter: "1", audit: nil)),
        ])
    }

    func run(_ replay: WaitReplay = WaitReplay()) -> (predictions: [JSONValue], updates: [JSONValue]) {
        var predictions: [JSONValue] = [], updates: [JSONValue] = []
        replay.run(morning, history: [slowHistory],
                   prediction: { predictions.append(try! JSONParser.parse($0).value) },
                   update: { updates.append(try! JSONParser.parse($0).value) })
        return (predictions, updates)
    }

    @Test func onePredictionPerIssuedTicketInTheHarnessFormat() {
        let predictions = run().predictions
        #expect(predictions.compactMap { $0["ticket"]?.stringValue } == ["B001", "B002", "A001", "A002"])
        let a001 = predictions[2]
        #expect(a001["t"]?.doubleValue == Self.t(1))
        #expect(a001["predicted_wait_s"]?.doubleValue.map { $0 > 0 } == true)
        #expect(a001["range_s"]?.arrayValue?.count == 2)
        #expect(a001["heads_up_t"]?.doubleValue != nil)
        #expect(a001["why"]?.stringValue?.isEmpty == false)
    }

    /// The daemon sends A001's heads-up as soon as the hold allows (nobody ahead), however long
    /// the estimate: the updates' countdown must reach the notifier's threshold then too.
    /// A002 (A001 ahead) waits for the estimator's moment, later than that.
    @Test func nobodyAheadIsDueWhenTheHoldEndsAsInTheDaemon() {
        let updates = run().updates
        func remaining(_ ticket: String, atMinute m: Double) -> Double? {
            updates.first { $0["ticket"]?.stringValue == ticket && $0["t"]?.doubleValue == Self.t(m) }?["predicted_remaining_s"]?.doubleValue
        }
        // Printed at 08:01, hold 120 s: from 08:03 on, A001 is due.
        #expect(remaining("A001", atMinute: 2) ?? 0 > 600)
        #expect(remaining("A001", atMinute: 3) == 600)
        #expect(remaining("A001", atMinute: 10) == 600)
        // A002 has A001 ahead and both windows are 38 minutes from free: not due yet.
        #expect(remaining("A002", atMinute: 10) ?? 0 > 600)
    }

    @Test func theHoldAndTheUpdateIntervalAreTheCallersChoice() {
        var replay = WaitReplay(updateEvery: 60)
        replay.notifier.headsUpHoldSeconds = 600
        let updates = run(replay).updates.filter { $0["ticket"]?.stringValue == "A001" }
        let times = updates.compactMap { $0["t"]?.doubleValue }
        // After every event (08:01, 08:01:30), then every 60 s from the last update.
        #expect(Array(times.prefix(4)) == [Self.t(1), Self.t(1.5), Self.t(2.5), Self.t(3.5)])
        // Printed at 08:01 with a 10-minute hold: due at 08:11, counting down until then.
        func remaining(atMinute m: Double) -> Double? {
            updates.first { $0["t"]?.doubleValue == Self.t(m) }?["predicted_remaining_s"]?.doubleValue
        }
        #expect(remaining(atMinute: 6.5) == 870)
        #expect(remaining(atMinute: 11.5) == 600)
    }

    /// Seconds since midnight of `minutes` after 08:00.
    static func t(_ minutes: Double) -> Double { 8 * 3600 + minutes * 60 }

    @Test func withoutAnUpdatesSinkOnlyPredictionsAreMade() {
        var lines = 0
        WaitReplay().run(morning, prediction: { _ in lines += 1 })
        #expect(lines == 4)
    }

    /// The one-pass count the replay uses is `peopleAhead(of:)` for every waiting ticket.
    @Test func peopleAheadInServiceIsPeopleAheadForEveryTicket() {
        let engine = QueueEngine(config: config)
        var state = engine.initialState()
        let extra = [
            HallEvent(at: morning.events.last!.at, .issued(ticket: "B003", service: "B", priority: true, contact: false, audit: nil)),
            HallEvent(at: morning.events.last!.at, .issued(ticket: "A003", service: "A", priority: false, contact: false, audit: nil)),
        ]
        for event in morning.events + extra {
            engine.fold(event, into: &state)
            let all = state.peopleAheadInService()
            #expect(all.count == state.waiting.count)
            for number in state.waiting { #expect(all[number] == state.peopleAhead(of: number)) }
        }
    }
}
