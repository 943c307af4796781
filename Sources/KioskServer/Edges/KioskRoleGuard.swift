import Foundation
import KioskCore
import Synchronization

/// What the kiosk role may do beyond its token: issue at a bounded rate (a stolen or stuck
/// kiosk cannot empty the day's numbers), and cancel only a ticket it issued itself, recently
/// (a citizen who changes their mind at the machine; not anyone's ticket from the LAN).
/// Supervisors are not limited.
public final class KioskRoleGuard: Sendable {
    private struct State {
        var bucket: TokenBucket?
        /// `date/number` → when the kiosk role issued it; entries older than the cancel window go.
        var issued: [String: Date] = [:]
    }

    private let state: Mutex<State>
    private let cancelWithin: Double

    public init(limits: LimitSettings) {
        let bucket = limits.limitsKioskIssue ? TokenBucket(burst: limits.kioskIssueBurst, perSecond: limits.kioskIssuePerSecond) : nil
        state = Mutex(State(bucket: bucket))
        cancelWithin = limits.kioskCancelWithinSeconds
    }

    /// Nil: the kiosk may issue now. Otherwise the seconds until it may (Retry-After).
    public func admitIssue(at now: Date) -> Double? {
        state.withLock { s in s.bucket?.take(at: now) }
    }

    /// The kiosk role issued `number` on `date` at `now`.
    public func recordIssued(_ number: TicketNumber, on date: BusinessDate, at now: Date) {
        let within = cancelWithin
        state.withLock { s in
            s.issued = s.issued.filter { now.timeIntervalSince($0.value) <= within }
            s.issued["\(date)/\(number)"] = now
        }
    }

    /// Whether the kiosk role issued `number` on `date` no more than the cancel window ago.
    public func mayCancel(_ number: TicketNumber, on date: BusinessDate, at now: Date) -> Bool {
        state.withLock { s in
            guard let at = s.issued["\(date)/\(number)"] else { return false }
            return now.timeIntervalSince(at) <= cancelWithin
        }
    }
}
