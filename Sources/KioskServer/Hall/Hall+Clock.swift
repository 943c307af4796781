import Foundation
import KioskCore
import KioskStore
import Logging

extension Hall {
    /// Reads the wall clock against the hall's (every tick): a step of more than the tolerance
    /// raises the clock warning, logged once, and the clocks agreeing again clears it; then
    /// purges the previous days' phone numbers if their time has come.
    public func watchClock() async {
        if let watch = clockTrust?.watch {
            switch watch.check() {
            case let .raised(skew)?:
                purgeGate.warningRaised()
                logger.warning(
                    "时钟跳变 clock warning: the PC's wall clock stepped away from the hall clock; the hall keeps its own time, and nothing is purged until the clocks agree or a supervisor confirms the time (kiosk clock confirm)",
                    metadata: [
                        "clock.skew_s": "\(Int(skew.rounded()))", "clock.hall": "\(engine.calendar.localTimestamp(now()))",
                        "clock.wall": "\(engine.calendar.localTimestamp(now().addingTimeInterval(skew)))",
                    ]
                )
            case .cleared?:
                purgeGate.warningCleared(at: monotonicNow())
                logger.notice("时钟恢复一致 the wall clock agrees with the hall clock again")
            case nil:
                break
            }
        }
        await purgeIfDue()
    }

    /// A supervisor says the PC's wall clock is right. A wall clock ahead of the hall is taken
    /// (hall time jumps forward to it), the warning ends, and what waited to be purged is
    /// purged. A wall clock behind the hall is refused: hall time never runs backwards inside
    /// the daemon (a restart takes it, resuming that day from the journal). Nil: the hall's
    /// clock is not the wall clock (`--start-at`), there is nothing to confirm.
    public func confirmClock() async -> ClockWatch.Confirmation? {
        guard let watch = clockTrust?.watch else { return nil }
        let before = now()
        let result = watch.confirm()
        switch result {
        case .confirmed:
            purgeGate.confirm()
            logger.notice("a supervisor confirmed the time", metadata: [
                "clock.was": "\(engine.calendar.localTimestamp(before))", "clock.now": "\(engine.calendar.localTimestamp(now()))",
            ])
            await purgeIfDue()
        case let .wallClockBehind(seconds):
            logger.notice("a supervisor confirmed a wall clock behind the hall clock: refused, a restart takes it", metadata: ["clock.behind_s": "\(Int(seconds.rounded()))"])
        }
        return result
    }

    /// Whether messages of `date` must wait: it is not the hall's day, and the hall's day is not
    /// trusted yet (it may have begun on a wrong clock's word).
    public func holdsMessages(of date: BusinessDate) -> Bool {
        purgeGate.holds(messagesOf: date)
    }

    /// The clock part of `/healthz` and the hall view (nil: the hall's clock is not watched).
    public nonisolated var clockReading: ClockWatch.Reading? {
        clockTrust?.watch.reading
    }

    func monotonicNow() -> ContinuousClock.Instant {
        clockTrust?.monotonic() ?? ContinuousClock.now
    }

    /// Purges the phone numbers (contacts, outbox) of the days before the hall's, once the gate
    /// says so. A failure is logged (at most once per 10 s per kind) and retried next tick.
    func purgeIfDue() async {
        guard let date = purgeGate.due(at: monotonicNow()) else { return }
        do {
            let contacts = try await journal.purgeContacts(before: date)
            let messages = try await journal.purgeOutboxPhones(before: date, now: now())
            purgeGate.purged(before: date)
            if contacts + messages > 0 {
                logger.info("previous days' phone numbers purged", metadata: ["purge.before": "\(date)", "purge.contacts": "\(contacts)", "purge.messages": "\(messages)"])
            }
        } catch {
            if let heldBack = faultLog.admit("purge." + JournalFault.kind(of: error)) {
                logger.error("purging the previous days' phone numbers failed; retried", metadata: ["error": "\(error)", "journal.failures_not_logged": "\(heldBack)"])
            }
        }
    }
}
