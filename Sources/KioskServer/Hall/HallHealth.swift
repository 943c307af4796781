import KioskAPI
import KioskCore

/// What `/healthz` says about the daemon beyond "it answers": whether the journal takes
/// commits, whether it has rows it could not read (quarantined: the hall runs without them),
/// and whether the PC's wall clock stepped away from the hall clock.
public struct HallHealth: Sendable, Equatable {
    public enum JournalState: String, Sendable {
        /// Every row read.
        case ok
        /// Some rows could not be read and were quarantined.
        case degraded
        /// The last commit failed (disk full, read-only file, I/O error): commands answer 503
        /// `journal_unavailable` until one succeeds.
        case unavailable
    }

    public var journal: JournalState
    public var quarantinedRows: Int
    /// The clock warning stands (always false for a hall whose clock is not the wall clock).
    public var clockWarning = false
    /// Wall clock minus hall clock at the last check, seconds.
    public var clockSkew: Double = 0

    /// The `/healthz` answer.
    public var answer: HealthAnswer {
        HealthAnswer(
            journal: journal.rawValue, quarantinedRows: quarantinedRows > 0 ? quarantinedRows : nil,
            clock: clockWarning ? "warning" : "ok", clockSkewSeconds: clockWarning ? Int(clockSkew.rounded()) : nil
        )
    }

    /// The journal part alone, for the supervisor's hall view.
    public var journalHealth: JournalHealth {
        JournalHealth(state: journal.rawValue, quarantinedRows: quarantinedRows)
    }

    /// The clock part, for the hall view and the clock confirmation.
    public var clockHealth: ClockHealth {
        ClockHealth(state: clockWarning ? "warning" : "ok", skewSeconds: Int(clockSkew.rounded()))
    }
}

extension Hall {
    /// The daemon's health now (no SQLite call, no clock read: counters and the last clock
    /// check kept in memory).
    public nonisolated var health: HallHealth {
        let quarantined = journal.unreadableRowCount
        let state: HallHealth.JournalState = commitFailing.load(ordering: .relaxed) ? .unavailable : quarantined > 0 ? .degraded : .ok
        let clock = clockReading
        return HallHealth(journal: state, quarantinedRows: quarantined, clockWarning: clock?.warning ?? false, clockSkew: clock?.skew ?? 0)
    }
}
