import ArgumentParser
import Foundation
import KioskCore
import KioskDisplay
import KioskStore

/// `kiosk report`: a day's or a period's figures from the journal, read-only (the daemon may
/// be running on it). The daemon's own is `GET /v1/reports`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The hall's figures for a day or a period, from the journal (read-only; works while the daemon runs)."
    )
    @OptionGroup var journal: JournalOptions
    @Option(help: "One business date YYYY-MM-DD.") var date: String?
    @Option(help: "First date of a period YYYY-MM-DD.") var from: String?
    @Option(help: "Last date of a period YYYY-MM-DD (default: --from).") var to: String?
    @Option(help: "table, json, csv or html.") var format: String = "table"
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func run() throws {
        guard let format = ReportFormat(rawValue: format) else {
            throw ValidationError("--format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let period: (from: BusinessDate, to: BusinessDate)
        do {
            period = try ReportPeriod.parse(date: date, from: from, to: to)
        } catch {
            throw ValidationError("--" + error.message)
        }
        let source = try journal.open()
        let report = try source.report(from: period.from, to: period.to, today: QueueEngine(config: source.config).calendar.businessDate(of: Date()))
        try writeText(format.render(report) { DisplayWidth.columns(of: $0) }, to: output)
    }
}
