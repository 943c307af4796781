import ArgumentParser
import KioskCore
import KioskDisplay

/// The days, format and output of `kiosk report` and `kiosk central report`.
struct ReportOptions: ParsableArguments {
    @Option(help: "One business date YYYY-MM-DD.") var date: String?
    @Option(help: "First date of a period YYYY-MM-DD.") var from: String?
    @Option(help: "Last date of a period YYYY-MM-DD (default: --from).") var to: String?
    @Option(help: "table, json, csv or html.") var format: String = "table"
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    /// Checked while parsing (`report`, `central report`): a wrong day or format is refused
    /// before any journal or database is opened.
    func validate() throws {
        _ = try parsed()
    }

    /// The period and format asked for, or a usage error that names the option.
    func parsed() throws -> (from: BusinessDate, to: BusinessDate, format: ReportFormat) {
        guard let format = ReportFormat(rawValue: format) else {
            throw ValidationError("--format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        do {
            let period = try ReportPeriod.parse(date: date, from: from, to: to)
            return (period.from, period.to, format)
        } catch {
            throw ValidationError("--" + error.message)
        }
    }

    /// Writes the report's text to `--output` or standard output; the table measured in
    /// display columns (CJK = 2).
    func write(_ render: ((String) -> Int) -> String) throws {
        try writeText(render { DisplayWidth.columns(of: $0) }, to: output)
    }
}
