import Foundation
import Hummingbird
import KioskCore
import KioskStore

/// The hall's figures for a supervisor or an admin: the same report fold as `kiosk report`.
extension KioskAPI {
    func registerReports(on router: Router<KioskRequestContext>) {
        router.get("/v1/reports") { request, _ in
            try authorize(request, "查看报表 read reports") { $0 == .supervisor || $0 == .admin }
            let query = request.uri.queryParameters
            let (text, format) = try await report(date: query.get("date"), from: query.get("from"), to: query.get("to"), format: query.get("format") ?? "json")
            return JSONResponse.text(text, contentType: format.contentType)
        }
    }

    /// The report of a day (`date`, default today) or a period (`from`…`to`) in `format`
    /// (json, csv or html): what `/v1/reports` and the console's report page answer.
    func report(date: String?, from: String?, to: String?, format formatText: String) async throws -> (text: String, format: ReportFormat) {
        guard let format = ReportFormat(rawValue: formatText), format != .table else {
            throw APIError.badRequest("invalid_format", "format must be json, csv or html")
        }
        let period: (from: BusinessDate, to: BusinessDate)
        do {
            let today = hall.engine.calendar.businessDate(of: hall.now()).description
            period = try ReportPeriod.parse(date: date ?? (from == nil && to == nil ? today : nil), from: from ?? (from == nil && to != nil ? to : nil), to: to)
            try JournalReport.checkPeriod(from: period.from, to: period.to)
        } catch let error as ReportPeriod.Invalid {
            throw APIError.badRequest("invalid_period", error.message)
        } catch let error as JournalReport.ReportError {
            throw APIError.badRequest("invalid_period", error.description)
        }
        let report = try await hall.journal.report(
            from: period.from, to: period.to, today: hall.engine.calendar.businessDate(of: hall.now()), config: config
        )
        return (format.render(report), format)
    }
}
