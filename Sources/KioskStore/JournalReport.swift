import Foundation
import KioskCore

/// The hall's report from its journal: the days' events, printed estimates and SMS outcomes
/// fed to the one report fold (`ReportBuilder`), plus the follow-up book.
public struct JournalReport: Sendable {
    /// The longest period one report covers, days (a year, leap or not).
    public static let maxDays = 366

    public let journal: SQLiteJournal
    public let config: HallConfig

    public init(journal: SQLiteJournal, config: HallConfig) {
        self.journal = journal
        self.config = config
    }

    /// Opens `dataDirectory`'s journal read-only: works while the daemon writes to it. The hall
    /// is `config` if given, else the one that last wrote the journal (`LocalHall.config`).
    public static func openReadOnly(dataDirectory: String, config: HallConfig?) throws -> JournalReport {
        let path = dataDirectory + "/journal.sqlite"
        guard FileManager.default.fileExists(atPath: path) else { throw ReportError.noJournal(path) }
        let config = try LocalHall.config(config, dataDirectory: dataDirectory)
        let engine = QueueEngine(config: config)
        return JournalReport(journal: try SQLiteJournal(path: path, calendar: engine.calendar, readOnly: true), config: config)
    }

    public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
        case noJournal(String)
        case badPeriod(String)

        public var description: String {
            switch self {
            case let .noJournal(path): return "no journal at \(path)"
            case let .badPeriod(why): return why
            }
        }
    }

    /// Checks a period: `from` not after `to`, at most `maxDays` days.
    public static func checkPeriod(from: BusinessDate, to: BusinessDate) throws(ReportError) {
        guard from <= to else { throw .badPeriod("from (\(from)) is after to (\(to))") }
        guard to.dayNumber - from.dayNumber < maxDays else { throw .badPeriod("a report covers at most \(maxDays) days") }
    }

    /// The report of `from`…`to`; `today` decides which follow-ups are overdue.
    public func report(from: BusinessDate, to: BusinessDate, today: BusinessDate) throws -> HallReport {
        try input(from: from, to: to).report(from: from, to: to, today: today)
    }

    /// What the report is made of, read from the journal (the centre fills the same from its
    /// rows: one report implementation).
    public func input(from: BusinessDate, to: BusinessDate) throws -> ReportInput {
        try Self.checkPeriod(from: from, to: to)
        let events = try journal.events(from: from, to: to)
        var printed: [BusinessDate: [PrintedEstimate]] = [:]
        for date in Set(events.map(\.date)) { printed[date] = try journal.printedEstimates(on: date) }
        return ReportInput(
            config: config, events: events.map { ($0.date, $0.event) }, printed: printed,
            sms: try journal.smsOutcomes(from: from, to: to), ratingEvents: try journal.ratingEvents().map { ($0.date, $0.event) }
        )
    }
}
