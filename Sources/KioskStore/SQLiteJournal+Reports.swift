import Foundation
import GRDB
import KioskCore

/// Range reads for reports: days of events, the ratings' events across all days, SMS outcomes.
extension SQLiteJournal {
    /// Every event from `from` to `to` (inclusive), in commit order.
    public func events(from: BusinessDate, to: BusinessDate) throws -> [StoredEvent] {
        try readableEvents(
            sql: "SELECT seq, business_date, line FROM event WHERE business_date BETWEEN ? AND ? ORDER BY seq",
            [from.description, to.description]
        )
    }

    /// Every rating and follow-up event ever journaled, in commit order: the follow-up book
    /// spans days (a 差评 is closed weeks after it was given).
    public func ratingEvents() throws -> [StoredEvent] {
        try readableEvents(
            sql: "SELECT seq, business_date, line FROM event WHERE (CASE WHEN json_valid(line) THEN json_extract(line, '$.ev') END) IN ('rate', 'followup_close') ORDER BY seq",
            []
        )
    }

    /// SMS messages of the period by trigger, then state.
    public func smsOutcomes(from: BusinessDate, to: BusinessDate) throws -> [String: [String: Int]] {
        try pool.read { db in
            var out: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT trigger, state, COUNT(*) AS n FROM sms_outbox WHERE business_date BETWEEN ? AND ? GROUP BY trigger, state",
                arguments: [from.description, to.description]
            ) {
                out[row["trigger"] as String, default: [:]][row["state"] as String] = row["n"]
            }
            return out
        }
    }

    /// Every 差评 and its follow-up, as the journal has them now.
    public func followUpBook(holidays: [BusinessDate]) throws -> FollowUpBook {
        var book = FollowUpBook(holidays: holidays)
        for item in try ratingEvents() { book.fold(item.event, on: item.date) }
        return book
    }

    /// Every rating given from `from` to `to`.
    public func ratings(from: BusinessDate, to: BusinessDate) throws -> [Rating] {
        try ratingEvents().filter { $0.date >= from && $0.date <= to }.compactMap { Rating($0.event, on: $0.date) }
    }
}
