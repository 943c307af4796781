import Foundation
import Hummingbird
import KioskAPI
import KioskCore
import KioskStore

/// Hall screens (read-only): the snapshot, and the live stream of committed events as
/// Server-Sent Events. The admin's export of a day as a trace.
extension KioskAPI {
    func registerDisplay(on router: Router<KioskRequestContext>) {
        router.get("/v1/hall") { request, _ in
            try authorizeReader(request)
            // From the last commit, outside the hall actor (as the public reads).
            let snapshot = hall.published.current, estimates = hall.published.currentEstimates
            // The snapshot's own rules: names and services of the config its state was folded under.
            var view = HallViews(engine: snapshot.engine).hall(snapshot.state, recentCalls: snapshot.recentCalls, at: hall.now(), projection: estimates.line)
            // What the supervisor must know about the daemon itself (a degraded journal, a
            // clock that stepped).
            let health = hall.health
            view.journal = health.journalHealth
            view.clock = health.clockHealth
            return JSONResponse.make(view)
        }

        router.get("/v1/events") { request, _ in
            try authorizeReader(request)
            // Resume: the standard Last-Event-ID header (browsers send it on reconnect), or ?after=.
            let afterText = request.headers.first(where: { $0.name.canonicalName == "last-event-id" })?.value ?? request.uri.queryParameters.get("after") ?? "0"
            guard let after = Int64(afterText), after >= 0 else {
                throw APIError.badRequest("invalid_event_id", "Last-Event-ID / after must be a non-negative integer")
            }
            guard let subscription = await hall.subscribe() else {
                throw APIError(.serviceUnavailable, "shutting_down", "服务正在停止 The daemon is shutting down")
            }
            let backlog = try await hall.journal.events(after: after, limit: 100_000).filter { $0.seq <= subscription.from }
            let views = self.views
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                do {
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    for item in backlog { try await writer.write(Self.sse(item, views)) }
                    for await item in subscription.events {
                        switch item {
                        case let .event(event) where event.seq > after:
                            try await writer.write(Self.sse(event, views))
                        case .event:
                            break
                        case .heartbeat:
                            try await writer.write(Self.heartbeat)
                        }
                    }
                } catch {
                    await hall.unsubscribe(subscription.id)   // the client went away
                    throw error
                }
                await hall.unsubscribe(subscription.id)
                try await writer.finish(nil)
            })
        }

        router.get("/v1/stats") { request, _ in
            try authorizeReader(request)
            let views = self.views
            var stats = views.stats(await hall.accuracy.summary(), replies: await hall.replyFigures, reviews: await hall.reviewFigures)
            if config.takesAppointments {
                let day = hall.engine.calendar.businessDate(of: hall.now())
                stats.appointments = StatsAnswer.Appointments(await hall.read { AppointmentFigures(state: $0, date: day) })
            }
            return JSONResponse.make(stats)
        }

        router.get("/v1/export") { request, _ in
            try authorize(request, "导出 export") { $0 == .admin || $0 == .supervisor }
            let text = request.uri.queryParameters.get("date") ?? ""
            let date: BusinessDate
            if text.isEmpty {
                date = hall.engine.calendar.businessDate(of: hall.now())
            } else {
                guard let parsed = BusinessDate(text) else { throw APIError.badRequest("invalid_date", "date must be YYYY-MM-DD") }
                date = parsed
            }
            let events = try await hall.journal.events(on: date).map(\.event)
            // The hall that wrote that day, not necessarily today's config.
            let inForce = try await hall.journal.config(inForceOn: date)?.config ?? config
            return JSONResponse.text(TraceDay(date: date, config: inForce, events: events).jsonLines(), contentType: "application/x-ndjson; charset=utf-8")
        }
    }

    func authorizeReader(_ request: Request) throws {
        try authorize(request, "读取大厅状态 read the hall") { $0 == .display || $0 == .supervisor || $0 == .admin }
    }

    /// An SSE comment: ignored by every SSE client, but bytes on the wire.
    static let heartbeat = ByteBuffer(string: ": heartbeat\n\n")

    static func sse(_ item: StoredEvent, _ views: HallViews) -> ByteBuffer {
        ByteBuffer(string: "id: \(item.seq)\nevent: hall\ndata: \(views.event(item.event, seq: item.seq).json.serialized())\n\n")
    }
}
