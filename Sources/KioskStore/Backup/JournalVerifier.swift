import Foundation
import GRDB
import KioskCore

/// Checks a backup (or a stopped daemon's journal) before anyone relies on it: SQLite's
/// `integrity_check` over every page, then every event row of every day decoded strictly (a row
/// that cannot be read fails the check, with its position) and folded into that day's hall,
/// as the daemon's start-up would. Opens the file read-only: verifying changes nothing.
///
/// The days are read in the time zone of the hall that wrote the file: the config recorded last
/// inside it (a backup carries its hall), unless one is given (`--config`).
public struct JournalVerifier: Sendable {
    /// The hall to read the file as; nil: the one the file recorded, else the embedded default.
    public let config: HallConfig?

    public init(config: HallConfig? = nil) {
        self.config = config
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
        /// The hall whose days these are (the one given, or the one the file recorded).
        public var config: HallConfig
        public var days: [Day]
        public var events: Int { days.reduce(0) { $0 + $1.events } }
        /// Every ticket number issued, per day (what a test compares with what was acknowledged).
        public var issuedTickets: [BusinessDate: Set<TicketNumber>]
        /// Whose days they are, for the command's line: `乌鲁木齐人社 (Asia/Urumqi)`.
        public var hall: String { "\(config.name) (\(config.timeZoneID))" }
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
            let config = try config ?? Self.recordedConfig(in: db) ?? .defaultHall
            let engine = QueueEngine(config: config)
            var days: [Day] = []
            var issued: [BusinessDate: Set<TicketNumber>] = [:]
            let dates = try String.fetchAll(db, sql: "SELECT DISTINCT business_date FROM event ORDER BY business_date")
            for dateText in dates {
                guard let date = BusinessDate(dateText) else { throw VerifyFailure.badDate(dateText) }
                let events = try events(of: date, calendar: engine.calendar, in: db)
                let state = engine.replay(events)
                let tickets = Set(events.compactMap(\.issuedTicket))
                issued[date] = tickets
                days.append(Day(
                    date: date, events: events.count, issued: tickets.count,
                    done: state.tickets.values.filter { $0.state.name == "done" }.count,
                    open: state.tickets.values.filter { !["done", "cancelled", "no_show"].contains($0.state.name) }.count
                ))
            }
            return Report(config: config, days: days, issuedTickets: issued)
        }
    }

    /// The day's events in commit order; the first row that does not decode fails the check.
    private func events(of date: BusinessDate, calendar: HallCalendar, in db: Database) throws -> [HallEvent] {
        let codec = TraceCodec(calendar: calendar, date: date)
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

    /// The config the file recorded last (nil: it recorded none, as a journal from before
    /// configs were recorded). One that does not load fails the check, as a bad row does.
    static func recordedConfig(in db: Database) throws -> HallConfig? {
        guard try db.tableExists("hall_config"),
              let text = try String.fetchOne(db, sql: "SELECT config FROM hall_config ORDER BY seq DESC LIMIT 1") else { return nil }
        do {
            return try HallConfig.load(json: text, lenient: true)
        } catch {
            throw VerifyFailure.unreadableConfig(error.diagnostics.map(\.message).joined(separator: "; "))
        }
    }
}

public enum VerifyFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case integrity([String])
    case badDate(String)
    case unreadableRow(seq: Int64, reason: String)
    case unreadableConfig(String)

    public var description: String {
        switch self {
        case let .integrity(problems): "integrity check failed: " + problems.prefix(5).joined(separator: "; ")
        case let .badDate(text): "a journal row has the business date '\(text)'"
        case let .unreadableRow(seq, reason): "journal row \(seq) cannot be read: \(reason)"
        case let .unreadableConfig(reason): "the hall config it recorded cannot be read: \(reason) (--config FILE reads it as that hall)"
        }
    }
}
