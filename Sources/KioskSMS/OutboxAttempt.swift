import KioskStore
import Logging

/// What one attempt at a claimed message came to: the row's change, and what to count and log
/// once that change is written (not before: a tally or a log line never runs ahead of the
/// outbox).
struct OutboxAttempt: Sendable {
    var record: OutboxRecord
    /// The `OutboxWorker.Tally` key (`accepted`, `retried`, `dropped_stale`, …).
    var outcome: String
    var level: Logger.Level
    var message: String
    var metadata: Logger.Metadata

    func report(to tally: OutboxWorker.Tally, logger: Logger) {
        tally.add(outcome)
        logger.log(level: level, "\(message)", metadata: metadata)
    }
}
