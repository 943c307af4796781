import ArgumentParser
import Foundation
import KioskCore
import KioskStore

/// `kiosk report`: a day's or a period's figures from the journal, read-only (the daemon may
/// be running on it). The daemon's own is `GET /v1/reports`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The hall's figures for a day or a period, from the journal (read-only; works while the daemon runs)."
    )
    @OptionGroup var journal: JournalOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let period = try report.parsed()
        let source = try journal.open()
        let figures = try source.report(from: period.from, to: period.to, today: QueueEngine(config: source.config).calendar.businessDate(of: Date()))
        try report.write { period.format.render(figures, columns: $0) }
    }
}
