import Foundation
import KioskCore
import KioskStore
import Logging

extension ClockBehindJournal {
    /// The hall clock to run: `clock` itself, or (`continuing`, when it starts before the
    /// journal's newest event) `clock` moved forward to continue from that event, so a demo or
    /// training daemon restarted with the same `--start-at` picks up where it stopped. Without
    /// `continuing` a clock behind the journal throws.
    static func resume(
        _ clock: @escaping @Sendable () -> Date, journal: SQLiteJournal, calendar: HallCalendar, continuing: Bool, logger: Logger
    ) throws -> @Sendable () -> Date {
        let now = clock()
        guard let last = try journal.lastEventInstant(), now < last else { return clock }
        guard continuing else { throw ClockBehindJournal(clock: now, lastEvent: last, calendar: calendar) }
        let gap = last.timeIntervalSince(now)
        logger.notice("the hall clock starts before the journal's last event: it continues from the journal's time", metadata: [
            "clock.asked": "\(calendar.localTimestamp(now))", "clock.continues_at": "\(calendar.localTimestamp(last))",
        ])
        return { clock().addingTimeInterval(gap) }
    }
}
