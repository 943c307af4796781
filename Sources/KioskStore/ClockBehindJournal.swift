import Foundation
import KioskCore


/// The hall clock starts before the journal's newest event: a restart with `--start-at` earlier
/// than the day already recorded, or a PC clock gone back. Events would be stamped before the
/// ones already in the journal (and an earlier date's day folded after a later one), so a
/// wall clock behind the journal is refused, and a `--start-at` clock continues from the
/// journal's time (`KioskDaemon.Options.continueFromJournal`).
public struct ClockBehindJournal: Error, Sendable, CustomStringConvertible {
    public var clock: Date
    public var lastEvent: Date
    public var calendar: HallCalendar

    public init(clock: Date, lastEvent: Date, calendar: HallCalendar) {
        self.clock = clock
        self.lastEvent = lastEvent
        self.calendar = calendar
    }

    public var description: String {
        let now = calendar.localTimestamp(clock), last = calendar.localTimestamp(lastEvent)
        let resume = calendar.localTimestamp(lastEvent.addingTimeInterval(60)).prefix(16)
        return "the hall clock reads \(now), before the journal's last event at \(last): "
            + "Kiosk never stamps events backwards. Start at or after it (e.g. --start-at '\(resume)'), "
            + "correct the PC's clock, or use another --data-dir."
    }

    /// Throws when `now` is before the newest event in `journal`.
    public static func check(_ journal: SQLiteJournal, now: Date, calendar: HallCalendar) throws {
        guard let last = try journal.lastEventInstant(), now < last else { return }
        throw ClockBehindJournal(clock: now, lastEvent: last, calendar: calendar)
    }
}
