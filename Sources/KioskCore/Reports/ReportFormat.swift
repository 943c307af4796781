/// The shapes a report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, json, csv, html

    /// The report in this format; `columns` measures text for the table (display columns).
    public func render(_ report: HallReport, columns: (String) -> Int = { $0.count }) -> String {
        switch self {
        case .table: return report.table(columns: columns)
        case .json: return report.jsonValue.serialized() + "\n"
        case .csv: return report.csv
        case .html: return ReportHTML(report: report).document
        }
    }

    /// The city report (every hall's, from the centre) in this format.
    public func render(_ report: CityReport, columns: (String) -> Int = { $0.count }) -> String {
        switch self {
        case .table: return report.table(columns: columns)
        case .json: return report.jsonValue.serialized() + "\n"
        case .csv: return report.csv
        case .html: return report.html
        }
    }

    public var contentType: String {
        switch self {
        case .table: return "text/plain; charset=utf-8"
        case .json: return "application/json; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        }
    }
}

/// The days a report covers: one `date`, or `from` … `to`.
public enum ReportPeriod {
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// `date` alone, or `from` and `to` together (each YYYY-MM-DD); `to` defaults to `from`.
    public static func parse(date: String?, from: String?, to: String?) throws(Invalid) -> (from: BusinessDate, to: BusinessDate) {
        func day(_ text: String, _ name: String) throws(Invalid) -> BusinessDate {
            guard let d = BusinessDate(text) else { throw Invalid(message: "\(name) must be a date YYYY-MM-DD, got \"\(text.prefix(20))\"") }
            return d
        }
        if let date {
            guard from == nil, to == nil else { throw Invalid(message: "give either date, or from and to, not both") }
            let d = try day(date, "date")
            return (d, d)
        }
        guard let from else { throw Invalid(message: "give date, or from (and to)") }
        let a = try day(from, "from")
        let b = try to.map { (t: String) throws(Invalid) -> BusinessDate in try day(t, "to") } ?? a
        return (a, b)
    }
}
