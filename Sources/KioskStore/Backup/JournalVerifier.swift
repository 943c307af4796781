import Foundation
import GRDB
import KioskCore

/// Checks a backup (or a stopped daemon's journal) before anyone relies on it: SQLite's
/// `integrity_check` over every page, then every event row of every day decoded strictly (a row
/// that cannot be read fails the check, with its position) and folded into that day's hall,
/// as the daemon's start-up would. Opens the file read-only: verifying changes nothing.
public struct JournalVerifier: Sendable {
    public let engine: QueueEngine

    public init(config: HallConfig) {
        engine = QueueEngine(config: config)
    }

    /// One business day as the fold left it.
    public struct Day: Sendable, Equatable {
        public var date: BusinessDate
        public var events: Int
        public var issued: Int
        public var done: Int
        /// Tickets neither done, cancelled nor no-show when the day's events end.
        public var open: Int
    }

    public struct Report: Sendable, Equatable {
        public var days: [Day]
        public var events: Int { days.reduce(0) { $0 + $1.events } }
        /// Every ticket number issued, per day (what a test compares with what was acknowledged).
        public var issuedTickets: [BusinessDate: Set<TicketNumber>]
    }

    public func verify(file path: String) throws -> Report {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.noJournal(path) }
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? database.close() }
        return try database.read { db in
            let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard problems == ["ok"] else { throw VerifyFailure.integrity(problems) }
            guard try db.tableExists("event") else { throw BackupError.notABackup(path) }
            var days: [Day] = []
            var issued: [BusinessDate: Set<TicketNumber>] = [:]
            let dates = try String.fetchAll(db, sql: "SELECT DISTINCT business_date FROM event ORDER BY business_date")
            for dateText in dates {
                guard let date = BusinessDate(dateText) else { throw VerifyFailure.badDate(dateText) }
                let events = try events(of: date, in: db)
                let state = engine.replay(events)
                let tickets = Set(events.compactMap(\.issuedTicket))
                issued[date] = tickets
                days.append(Day(
                    date: date, events: events.count, issued: tickets.count,
                    done: state.tickets.values.filter { $0.state.name == "done" }.count,
                    open: state.tickets.values.filter { !["done", "cancelled", "no_show"].contains($0.state.name) }.count
                ))
            }
            return Report(days: days, issuedTickets: issued)
        }
    }

    /// The day's events in commit order; the first row that does not decode fails the check.
    private func events(of date: BusinessDate, in db: Database) throws -> [HallEvent] {
        let codec = TraceCodec(calendar: engine.calendar, date: date)
        var events: [HallEvent] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, line FROM event WHERE business_date = ? ORDER BY seq", arguments: [date.description])
        while let row = try rows.next() {
            let seq: Int64 = row["seq"]
            guard let line = String.fromDatabaseValue(row["line"] as DatabaseValue) else { throw VerifyFailure.unreadableRow(seq: seq, reason: "no text line") }
            do {
                if let event = try codec.decode(JSONParser.parse(line).value) { events.append(event) }
            } catch {
                throw VerifyFailure.unreadableRow(seq: seq, reason: "\(error)")
            }
        }
        return events
    }
}

public enum VerifyFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case integrity([String])
    case badDate(String)
    case unreadableRow(seq: Int64, reason: String)

    public var description: String {
        switch self {
        case let .integrity(problems): "integrity check failed: " + problems.prefix(5).joined(separator: "; ")
        case let .badDate(text): "a journal row has the business date '\(text)'"
        case let .unreadableRow(seq, reason): "journal row \(seq) cannot be read: \(reason)"
        }
    }
}
