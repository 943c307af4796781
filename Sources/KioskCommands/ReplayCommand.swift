import ArgumentParser
import Foundation
import KioskCore
import KioskStore

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
            would send the heads-up (`predicted_remaining_s`: the daemon's own rule, SMSSettings.headsUpDue: \
            the estimator's heads-up moment, or at once when nobody of its service is ahead, never \
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
    @Flag(help: "What-if: print each ticket's estimate from a projection of its own (the daemon before issue 17's shared projection).")
    var printOwnProjection = false

    func run() throws {
        var replay = WaitReplay(notifierThreshold: smsThresholdMin * 60, updateEvery: updateEvery)
        if let replicates { replay.estimator.replicates = replicates }
        if let printQuantile { replay.estimator.printQuantile = printQuantile }
        if let printRounding { replay.estimator.printRounding = printRounding }
        if let headsUpQuantile { replay.estimator.headsUpQuantile = headsUpQuantile }
        if let headsUpLead { replay.estimator.headsUpLead = headsUpLead }
        if let headsUpLatePenalty { replay.estimator.headsUpLatePenalty = headsUpLatePenalty }
        replay.notifier.headsUpHoldSeconds = headsUpHold
        replay.printsOwnProjection = printOwnProjection
        let day = try Self.load(trace), previous = try history.map(Self.load)
        let predictionsOut = try LineFileWriter(path: predictions)
        let updatesOut = try updates.map { try LineFileWriter(path: $0) }
        replay.run(day, history: previous, prediction: predictionsOut.write, update: updatesOut?.write)
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
}
