/// Many halls' reports side by side (`kiosk central report`): each hall's own report, fed
/// from the centre exactly as its own journal feeds it, and the totals of all of them.
public struct CityReport: Sendable, Equatable {
    public var from: BusinessDate
    public var to: BusinessDate
    public var halls: [Hall]
    /// All halls together: counts added, percentiles over every hall's tickets.
    public var totals: HallReport.Figures

    public struct Hall: Sendable, Equatable {
        public var id: String
        public var report: HallReport

        public init(id: String, report: HallReport) {
            self.id = id
            self.report = report
        }
    }

    public init(from: BusinessDate, to: BusinessDate, halls: [Hall], totals: HallReport.Figures) {
        self.from = from
        self.to = to
        self.halls = halls
        self.totals = totals
    }

    /// `halls[]`, each with its id and its report's `hall` block, services, ratings and days
    /// (as `kiosk report --format json` writes them), and the totals under `hall`.
    public var jsonValue: JSONValue {
        [
            "from": .string(from.description), "to": .string(to.description),
            "hall": .object([("halls", .int(halls.count))] + totals.members),
            "halls": .array(halls.map { entry in
                let own = entry.report.jsonValue
                return .object([("id", .string(entry.id))] + ["hall", "days", "services", "ratings"].map { (key: $0, value: own[$0] ?? .null) })
            }),
        ]
    }

    /// One line per hall and the totals, as CSV.
    public var csv: String {
        let header = ["hall_id", "name", "issued", "served", "no_show", "cancelled", "transferred", "called",
                      "wait_p50_s", "wait_p90_s", "wait_max_s", "serve_p50_s", "serve_p90_s", "within_target_share", "ratings", "satisfied_share"]
        func row(_ id: String, _ name: String, _ f: HallReport.Figures, _ ratings: HallReport.Ratings?) -> [String] {
            [id, name, "\(f.issued)", "\(f.served)", "\(f.noShow)", "\(f.cancelled)", "\(f.transferred)", "\(f.called)",
             HallReport.number(f.waitP50), HallReport.number(f.waitP90), HallReport.number(f.waitMax), HallReport.number(f.serveP50),
             HallReport.number(f.serveP90), HallReport.number(f.withinTargetShare),
             ratings.map { "\($0.total)" } ?? "", HallReport.number(ratings?.satisfiedShare)]
        }
        let rows = [header] + halls.map { row($0.id, $0.report.hallName, $0.report.hall, $0.report.ratings) } + [row("", "total", totals, nil)]
        return rows.map { $0.map(HallReport.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One line per hall and the totals, for a terminal.
    public func table(columns width: (String) -> Int) -> String {
        let period = from == to ? from.description : "\(from) – \(to)"
        func cells(_ id: String, _ name: String, _ f: HallReport.Figures, _ ratings: HallReport.Ratings?) -> [String] {
            [id, name, "\(f.issued)", "\(f.served)", "\(f.noShow)", HallReport.minutes(f.waitP50), HallReport.minutes(f.waitP90),
             HallReport.minutes(f.serveP50), HallReport.percent(f.withinTargetShare), ratings.map { "\($0.total)" } ?? "",
             HallReport.percent(ratings?.satisfiedShare)]
        }
        let rows = halls.map { cells($0.id, $0.report.hallName, $0.report.hall, $0.report.ratings) } + [cells("", "合计 total", totals, nil)]
        return "\(halls.count) halls · \(period)\n\n" + HallReport.columns(width,
            ["hall", "name", "issued", "served", "no-show", "wait p50", "wait p90", "serve p50", "≤target", "ratings", "满意率"], rows) + "\n"
    }

    /// The same table as a self-contained HTML page.
    public var html: String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        let head = ["hall", "name", "issued", "served", "no-show", "wait p50", "wait p90", "serve p50", "≤target", "ratings", "满意率"]
        let rows = halls.map { ($0.id, $0.report.hallName, $0.report.hall, Optional($0.report.ratings)) } + [("", "合计 total", totals, nil)]
        let body = rows.map { id, name, f, ratings in
            "<tr>" + [id, name, "\(f.issued)", "\(f.served)", "\(f.noShow)", HallReport.minutes(f.waitP50), HallReport.minutes(f.waitP90),
                      HallReport.minutes(f.serveP50), HallReport.percent(f.withinTargetShare), ratings.map { "\($0.total)" } ?? "",
                      HallReport.percent(ratings?.satisfiedShare)].map { "<td>\(esc($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        let period = from == to ? from.description : "\(from) – \(to)"
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(esc("\(halls.count) halls · \(period)"))</title></head>
            <body><h1>\(esc("\(halls.count) halls · \(period)"))</h1>
            <table><thead><tr>\(head.map { "<th>\(esc($0))</th>" }.joined())</tr></thead>
            <tbody>
            \(body)
            </tbody></table></body></html>

            """
    }
}
