import Foundation
import GRDB
import KioskCore

/// Why a day cannot be imported into a journal.
public enum ImportRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The journal already holds events of that day: importing again would double it.
    case dayAlreadyHeld(BusinessDate, events: Int)
    /// The journal holds a later day: its events would come after that day's in the journal's
    /// order, and the journal's order is the order things happened.
    case laterDayHeld(BusinessDate, latest: BusinessDate)
    /// An event of the trace is not on the trace's day, or goes back in time.
    case eventOutOfOrder(index: Int, reason: String)

    public var description: String {
        switch self {
        case let .dayAlreadyHeld(day, events):
            return "the journal already holds \(day) (\(events) events): a day is imported once"
        case let .laterDayHeld(day, latest):
            return "the journal already holds a later day (\(latest)) than \(day): import days oldest first, into a journal that ends before them"
        case let .eventOutOfOrder(index, reason):
            return "event \(index + 1) of the trace: \(reason)"
        }
    }
}

extension SQLiteJournal {
    /// Writes a whole day (a trace) into the journal in one transaction: its config, recorded
    /// as in force from the day's start (source `import`), then its events in the trace's
    /// order. Refuses, writing nothing, a day the journal already holds or one before its
    /// newest day. Returns the journal sequence numbers of the events.
    @discardableResult
    public func importDay(_ day: TraceDay) throws -> [Int64] {
        var previous: Date?
        for (index, event) in day.events.enumerated() {
            let date = calendar.businessDate(of: event.at)
            guard date == day.date else {
                throw ImportRefusal.eventOutOfOrder(index: index, reason: "it happened on \(date), not on the trace's day \(day.date)")
            }
            if let previous, event.at < previous {
                throw ImportRefusal.eventOutOfOrder(index: index, reason: "it goes back in time")
            }
            previous = event.at
        }
        return try pool.writeWithoutTransaction { db in
            var seqs: [Int64] = []
            try db.inTransaction(.immediate) {
                let held = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE business_date = ?", arguments: [day.date.description]) ?? 0
                if held > 0 { throw ImportRefusal.dayAlreadyHeld(day.date, events: held) }
                if let latest = try String.fetchOne(db, sql: "SELECT MAX(business_date) FROM event").flatMap(BusinessDate.init), latest > day.date {
                    throw ImportRefusal.laterDayHeld(day.date, latest: latest)
                }
                let start = day.events.first?.at ?? calendar.midnight(of: day.date)
                try db.execute(
                    sql: "INSERT INTO hall_config (business_date, at_ms, config, source) VALUES (?, ?, ?, 'import')",
                    arguments: [day.date.description, start.millisecondsSince1970, Self.recorded(day.config)]
                )
                seqs = try insert(day.events, contacts: [], in: db)
                return .commit
            }
            return seqs
        }
    }
}
