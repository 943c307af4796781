import Foundation
import Hummingbird
import KioskAPI
import KioskCore
import KioskWeb
import NIOCore

/// Today's figures in the console (the same report and follow-up book as the API), and the
/// live stream that tells the hall page to refresh.
extension ConsoleRoutes {
    /// The report page: self-contained (inline styles and SVG, no script), so its policy allows
    /// inline styles and nothing else.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

    func registerFigures(on router: Router<KioskRequestContext>) {
        router.get("/console/figures") { request, _ in
            await page(request) { session in
                let book = try await api.hall.journal.followUpBook(holidays: api.config.holidays)
                let today = api.hall.engine.calendar.businessDate(of: api.hall.now())
                let list = FollowUpList(today: today.description, followups: book.open.map { HallViews.followUp($0, today: today) })
                // Today so far: the same report fold as the A4 page, its hall line only.
                let report = try await api.hall.journal.report(from: today, to: today, today: today, config: api.config)
                return ConsoleResponse.html(view.figures(today: report.hall, followUps: list, session: session))
            }
        }
        router.get("/console/report") { request, _ in
            await page(request) { _ in
                let query = request.uri.queryParameters
                let (text, format) = try await api.report(date: query.get("date"), from: nil, to: nil, format: query.get("format") ?? "html")
                guard format == .html else { return ConsoleResponse.file(text, contentType: format.contentType) }
                return ConsoleResponse.html(text, policy: Self.reportPolicy)
            }
        }
        router.post("/console/followups/:id/close") { request, context in
            await refusalsAsPages(request, session: session(request)) {
                var request = request
                let (session, form) = try await checkedPost(&request)
                guard session.role == .supervisor else { throw APIError.forbidden("整改由值班长完成 Closing a follow-up is the supervisor's") }
                guard let note = try form.text("note", maxLength: 500) else {
                    throw APIError.badRequest("invalid_field", "请写明整改情况 Say what was done")
                }
                let id = context.parameters.get("id") ?? ""
                _ = try await api.closeFollowUp(id: id, note: note, by: session.auditName)
                logger.notice("console action", metadata: ["console.user": "\(session.user)", "path": "\(request.uri.path)", "events": "followup_close"])
                return ConsoleResponse.seeOther("/console/figures")
            }
        }
    }

    /// What the hall page shows now, from the last commit (outside the hall actor), with the
    /// action forms when `session` is a supervisor's.
    func hallPart(for session: ConsoleSession) async -> ConsoleHallPart {
        let hall = api.hall
        var part = ConsoleHallPart.make(
            snapshot: hall.published.current, projection: hall.published.currentEstimates.line, health: hall.health, at: hall.now(), session: session
        )
        // Where the supervisor works: the staffing advice, each with the form that takes it.
        let (advice, engine) = await hall.currentAdvice()
        part.adviceTime = String(engine.calendar.localTimestamp(advice.at).suffix(8))
        part.advice = advice.advice.map { ConsoleHallPart.Advice($0, config: engine.config) }
        return part
    }

    /// The hall's committed events as Server-Sent Events, each only `{"seq":N}`: the page
    /// fetches the hall again, so the stream carries nothing a page would not show.
    func liveStream() async throws -> Response {
        let stream = try HallEventStream(api.hall)
        return stream.response(retryMilliseconds: 2000) { writer in
            for await item in stream.events {
                switch item {
                case let .event(event):
                    try await writer.write(ByteBuffer(string: "id: \(event.seq)\nevent: hall\ndata: {\"seq\":\(event.seq)}\n\n"))
                case .heartbeat:
                    try await writer.write(KioskAPI.heartbeat)
                }
            }
        }
    }
}
