import Foundation
import KioskCore
import KioskStore
import Logging

extension ClockBehindJournal {
    /// The hall clock to run: `clock` itself, or (`continuing`, when it starts before the
    /// journal's newest event) `clock` moved forward to continue from that event, so a demo or
    /// training daemon restarted with the same `--start-at` picks up where it stopped. Without
    /// `continuing` a clock behind the journal throws.
    ///
    /// `sameDayOnly` (the watched wall clock): only the events of the clock's own business
    /// date count. Later days in the journal were written while the PC's clock was ahead (a bad
    /// RTC at boot, corrected since): the date is the wall clock's, and that day resumes from
    /// its own events; the later days stay as they were written, and are said once.
    static func resume(
        _ clock: @escaping @Sendable () -> Date, journal: SQLiteJournal, calendar: HallCalendar, continuing: Bool,
        sameDayOnly: Bool = false, logger: Logger
    ) throws -> @Sendable () -> Date {
        let now = clock()
        if sameDayOnly {
            if let latest = try journal.lastEventInstant(), now < latest, calendar.businessDate(of: latest) > calendar.businessDate(of: now) {
                logger.warning("the journal holds a later business day (written while the PC's clock was ahead?): today resumes from its own events, that day stays as written", metadata: [
                    "clock.now": "\(calendar.localTimestamp(now))", "journal.last_event": "\(calendar.localTimestamp(latest))",
                ])
            }
        }
        let newest = sameDayOnly ? try journal.lastEventInstant(on: calendar.businessDate(of: now)) : try journal.lastEventInstant()
        guard let last = newest, now < last else { return clock }
        guard continuing else { throw ClockBehindJournal(clock: now, lastEvent: last, calendar: calendar) }
        let gap = last.timeIntervalSince(now)
        logger.notice("the hall clock starts before the journal's last event: it continues from the journal's time", metadata: [
            "clock.asked": "\(calendar.localTimestamp(now))", "clock.continues_at": "\(calendar.localTimestamp(last))",
        ])
        return { clock().addingTimeInterval(gap) }
    }
}
