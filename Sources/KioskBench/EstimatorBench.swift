import Foundation
import KioskCore

/// `kiosk bench-estimator`: how long one full wait re-estimate of a busy hall takes. Prints
/// figures; asserts nothing.
public struct EstimatorBench: Sendable {
    public var tickets = 150
    public var windows = 10
    public var iterations = 200
    public var replicates: Int?

    public init(tickets: Int = 150, windows: Int = 10, iterations: Int = 200, replicates: Int? = nil) {
        self.tickets = tickets
        self.windows = windows
        self.iterations = iterations
        self.replicates = replicates
    }

    /// Times the re-estimates; returns the two report lines.
    public func run() -> String {
        let (estimator, state, now) = Self.busyHall(tickets: tickets, windows: windows, replicates: replicates)
        var sink = 0.0
        for _ in 0..<10 { sink += estimator.estimates(in: state, at: now).last?.wait ?? 0 }   // warm-up
        var durations: [Double] = []
        let clock = ContinuousClock()
        for k in 0..<iterations {
            let at = now.addingTimeInterval(Double(k) * 0.001)   // a fresh seed each time
            let elapsed = clock.measure { sink += estimator.estimates(in: state, at: at).last?.wait ?? 0 }
            durations.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
        durations.sort()
        let mean = durations.reduce(0, +) / Double(durations.count)
        func p(_ q: Double) -> Double { durations[min(durations.count - 1, Int(q * Double(durations.count)))] }
        return "estimator re-estimate: \(state.waiting.count) waiting tickets, \(windows) windows, \(estimator.options.refreshReplicates) replicates\n"
            + String(format: "  min %.0f µs  median %.0f µs  mean %.0f µs  p90 %.0f µs  (%d runs; checksum %.0f)",
                     durations.first ?? 0, p(0.5), mean, p(0.9), iterations, sink)
    }

    /// A hall at 10:00 with `windows` windows over 8 services, a learned history day and
    /// `tickets` waiting: some windows serving, one calling, one on a break.
    public static func busyHall(tickets: Int, windows: Int, replicates: Int?) -> (WaitEstimator, HallState, Date) {
        let codes = ["A", "B", "C", "D", "E", "F", "G", "H"]
        let config = HallConfig(
            sessions: [TimeSpan(ClockTime(hour: 8, minute: 30), ClockTime(hour: 12, minute: 0)),
                       TimeSpan(ClockTime(hour: 14, minute: 30), ClockTime(hour: 17, minute: 30))],
            services: codes.map { ServiceConfig(code: $0, name: "业务\($0)") },
            counters: (0..<windows).map { i in
                CounterConfig(id: "\(i + 1)", services: [codes[i % 8], codes[(i + 3) % 8], codes[(i + 5) % 8]],
                              policy: i % 3 == 2 ? .serviceOrder : .fifo)
            }
        )
        let engine = QueueEngine(config: config)
        let date = BusinessDate("2025-03-04")!
        let day = engine.calendar.midnight(of: date)
        func at(_ seconds: Double) -> Date { day.addingTimeInterval(seconds) }
        var estimator = WaitEstimator(config: config)
        if let replicates { estimator.options.refreshReplicates = replicates }

        // Yesterday: each window serves a ticket every ~8 min all morning, with a break or two.
        var t = 8.5 * 3600
        var n = 0
        while t < 11.9 * 3600 {
            for w in 0..<windows {
                n += 1
                let code = codes[(n * 7 + w) % 8], number = "\(code)\(900 + n % 99)"
                let t0 = t + Double(w) * 20
                let service = 300 + Double((n * 37) % 600)
                estimator.fold(HallEvent(at: at(t0), .issued(ticket: number, service: code, priority: n % 7 == 0, contact: false, audit: nil)))
                estimator.fold(HallEvent(at: at(t0 + 1), .called(ticket: number, counter: "\(w + 1)", audit: nil)))
                estimator.fold(HallEvent(at: at(t0 + 30), .started(ticket: number, counter: "\(w + 1)")))
                estimator.fold(HallEvent(at: at(t0 + 30 + service), .finished(ticket: number, counter: "\(w + 1)")))
                if n % 23 == 0 {
                    estimator.fold(HallEvent(at: at(t0 + 31 + service), .paused(counter: "\(w + 1)", until: nil)))
                    estimator.fold(HallEvent(at: at(t0 + 31 + service + 900), .resumed(counter: "\(w + 1)")))
                }
            }
            t += 1000
        }
        estimator.closeDay()

        // Today at 10:00: the line, most windows serving, window 2 calling, window 3 away.
        var events: [HallEvent] = [HallEvent(at: at(8.5 * 3600), .sessionOpened(0))]
        for i in 0..<(tickets + windows - 1) {
            let code = codes[(i * 5) % 8]
            events.append(HallEvent(at: at(8.6 * 3600 + Double(i) * 20), .issued(
                ticket: "\(code)\(100 + i)", service: code, priority: i % 9 == 0, contact: false, audit: nil)))
        }
        var state = engine.initialState()
        for e in events { engine.fold(e, into: &state); estimator.fold(e) }
        let now = at(10 * 3600)
        for w in 0..<windows {
            let id = "\(w + 1)"
            if w == 2 {
                let e = HallEvent(at: now.addingTimeInterval(-300), .paused(counter: id, until: nil))
                engine.fold(e, into: &state); estimator.fold(e)
                continue
            }
            guard let next = CallRule(config: config).select(for: id, in: state, at: now) else { continue }
            var step = [HallEvent(at: now.addingTimeInterval(-200), .called(ticket: next.number, counter: id, audit: nil))]
            if w != 1 { step.append(HallEvent(at: now.addingTimeInterval(-170), .started(ticket: next.number, counter: id))) }
            for e in step { engine.fold(e, into: &state); estimator.fold(e) }
        }
        return (estimator, state, now)
    }
}
