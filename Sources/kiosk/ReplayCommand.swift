import ArgumentParser
import Foundation
import KioskCore

/// `kiosk replay`: runs the live wait estimator over a recorded day, strictly in event order,
/// and writes the wait-eval harness's predictions file (and updates stream).
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run the wait estimator over a trace (JSON Lines v1); write predictions for the wait-eval harness.",
        discussion: """
            Causal: each prediction uses only the trace's config and the events before it (the simulator's \
            `sim` block is never read). --history days warm-start the learned statistics, oldest first. \
            Updates carry, per waiting ticket after every event and every --update-every seconds between \
            events, a remaining wait whose countdown reaches 10 min at the moment the daemon's notifier \
            would send the heads-up (`predicted_remaining_s`: the estimator's heads-up moment, never \
            sooner than --heads-up-hold after the ticket was printed), plus the estimate itself.
            """
    )

    @Argument(help: "The day to replay (trace format v1).") var trace: String
    @Option(help: "Write one prediction per issued ticket here (JSON Lines).") var predictions: String
    @Option(help: "Also write the updates stream (JSON Lines) for the heads-up metric.") var updates: String?
    @Option(parsing: .singleValue, help: "A previous day's trace to learn from first (repeatable, oldest first).")
    var history: [String] = []
    @Option(help: "Monte Carlo replicates per estimate.") var replicates: Int?
    @Option(help: "Heads-up threshold of the notifier reading the updates, in minutes.") var smsThresholdMin: Double = 10
    @Option(help: "The notifier's hold: no heads-up sooner than this many seconds after the ticket was printed (the SMS setting heads_up_hold_s; default \(Int(SMSSettings().headsUpHoldSeconds))).")
    var headsUpHold: Double = SMSSettings().headsUpHoldSeconds
    @Option(help: "What-if: the printed quantile of the wait (default 0.55).") var printQuantile: Double?
    @Option(help: "What-if: print-friendly rounding of the printed wait, seconds (default 60).") var printRounding: Double?
    @Option(help: "What-if: heads-up when this quantile of the remaining wait ... (default 0.2)") var headsUpQuantile: Double?
    @Option(help: "... is within this many seconds (default 420).") var headsUpLead: Double?
    @Option(help: "What-if: heads-up at the moment that best places calls 5-15 min later, a late one costing this many on-time ones.")
    var headsUpLatePenalty: Double?
    @Option(help: "Also re-estimate every this many seconds between events, as the daemon's heads-up pass does (every 5 s; 0: only after events).")
    var updateEvery: Double = 5

    func run() throws {
        let day = try Self.load(trace)
        var estimator = WaitEstimator(config: day.config)
        if let replicates { estimator.options.replicates = replicates }
        if let printQuantile { estimator.options.printQuantile = printQuantile }
        if let printRounding { estimator.options.printRounding = printRounding }
        if let headsUpQuantile { estimator.options.headsUpQuantile = headsUpQuantile }
        if let headsUpLead { estimator.options.headsUpLead = headsUpLead }
        if let headsUpLatePenalty { estimator.options.headsUpLatePenalty = headsUpLatePenalty }
        for path in history {
            let previous = try Self.load(path)
            for event in previous.events { estimator.fold(event) }
            estimator.closeDay()
        }
        let engine = QueueEngine(config: day.config)
        let codec = TraceCodec(calendar: engine.calendar, date: day.date)
        var state = engine.initialState()
        let predictionsOut = try LineWriter(path: predictions)
        let updatesOut = try updates.map { try LineWriter(path: $0) }
        let threshold = smsThresholdMin * 60

        var notifier = SMSSettings()
        notifier.headsUpHoldSeconds = headsUpHold
        var lastUpdate = -Double.infinity
        func refresh(at t: Double) {
            guard let updatesOut else { return }
            lastUpdate = t
            for var e in estimator.estimates(in: state, at: codec.instant(secondsOfDay: t)) {
                // The notifier sends nothing while the ticket is fresh.
                if let issued = state.tickets[e.ticket]?.issuedAt {
                    e.headsUpAt = max(e.headsUpAt, notifier.earliestHeadsUp(issuedAt: issued))
                }
                updatesOut.write(
                    "{\"t\":\(Self.tenth(t)),\"ticket\":\(JSONValue.string(e.ticket).serialized()),"
                        + "\"predicted_remaining_s\":\(Self.tenth(e.headsUpRemaining(threshold: threshold))),"
                        + "\"wait_s\":\(e.wait)}"
                )
            }
        }
        for (i, event) in day.events.enumerated() {
            // Time passing changes the estimate too (a long service, a long break): the daemon
            // re-estimates every 5 s for its heads-up pass, and so does the replay.
            let t = codec.secondsOfDay(event.at)
            if updatesOut != nil, updateEvery > 0, lastUpdate.isFinite, !state.waiting.isEmpty {
                var g = lastUpdate + updateEvery
                while g < t {
                    refresh(at: g)
                    g += updateEvery
                }
            }
            // The simulator decided these calls; fold them as facts rather than re-deciding.
            engine.fold(event, into: &state)
            estimator.fold(event)
            if case let .issued(number, _, _, _, _) = event.kind,
               let e = estimator.estimate(for: number, in: state, at: event.at) {
                let line: JSONValue = .object([
                    ("ticket", .string(number)), ("t", .number(Self.tenth(t))), ("predicted_wait_s", .number(e.wait)),
                    ("range_s", .array([.number(e.low), .number(e.high)])),
                    ("heads_up_t", .number(Self.tenth(codec.secondsOfDay(e.headsUpAt)))),
                    ("why", .string(e.explanation.chinese)),
                ])
                predictionsOut.write(line.serialized())
            }
            guard updatesOut != nil, !state.waiting.isEmpty else { continue }
            switch event.kind {
            case .sessionOpened, .sessionClosed, .dayStarted: continue
            default: break
            }
            // Re-estimate once per instant, after every event stamped with it.
            if i + 1 < day.events.count, day.events[i + 1].at == event.at { continue }
            refresh(at: t)
        }
        try predictionsOut.close()
        try updatesOut?.close()
    }

    static func load(_ path: String) throws -> TraceDay {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        do {
            return try TraceDay.read(jsonLines: String(decoding: data, as: UTF8.self))
        } catch {
            throw ValidationError("\(path):\(error.description)")
        }
    }

    static func tenth(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}

/// Buffered line output to a file.
final class LineWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}
