import KioskAPI
import KioskCore

/// What `/healthz` says about the daemon beyond "it answers": whether the journal takes
/// commits, and whether it has rows it could not read (quarantined: the hall runs without them).
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

    /// The `/healthz` answer.
    public var answer: HealthAnswer {
        HealthAnswer(journal: journal.rawValue, quarantinedRows: quarantinedRows > 0 ? quarantinedRows : nil)
    }

    /// The journal part alone, for the supervisor's hall view.
    public var journalHealth: JournalHealth {
        JournalHealth(state: journal.rawValue, quarantinedRows: quarantinedRows)
    }
}

extension Hall {
    /// The daemon's health now (no SQLite call: counters kept in memory).
    public nonisolated var health: HallHealth {
        let quarantined = journal.unreadableRowCount
        let state: HallHealth.JournalState = commitFailing.load(ordering: .relaxed) ? .unavailable : quarantined > 0 ? .degraded : .ok
        return HallHealth(journal: state, quarantinedRows: quarantined)
    }
}
