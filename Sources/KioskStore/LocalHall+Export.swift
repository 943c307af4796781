import Foundation
import KioskCore

extension LocalHall {
    /// Why a day cannot be exported from the journal.
    public enum ExportProblem: Error, Sendable, Equatable, CustomStringConvertible {
        case emptyJournal
        /// No events on `day`; `held` says which days the journal does hold.
        case noEvents(day: BusinessDate, held: String)

        public var description: String {
            switch self {
            case .emptyJournal: return "the journal is empty"
            case let .noEvents(day, held): return "no events on \(day) in the journal: \(held)"
            }
        }
    }

    /// `day` of the journal as a trace (`kiosk export --data-dir`), by default its latest day,
    /// with the hall config in force that day (whatever this hall's config is now). Rows that
    /// cannot be read are left out (`journal.unreadableRowCount` says how many).
    public func exportTrace(on day: BusinessDate?) throws -> TraceDay {
        guard let day = try day ?? journal.latestDate() else { throw ExportProblem.emptyJournal }
        let events = try journal.events(on: day).map(\.event)
        guard !events.isEmpty else {
            let days = try journal.businessDates()
            let held = days.isEmpty ? "it is empty" : "it holds \(days.first!)\(days.count > 1 ? " … \(days.last!) (\(days.count) days)" : "")"
            throw ExportProblem.noEvents(day: day, held: held)
        }
        let config = try journal.config(inForceOn: day)?.config ?? engine.config
        return TraceDay(date: day, config: config, events: events)
    }
}
