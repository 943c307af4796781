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
            // From the last commit, outside the hall actor (as the public reads), rendered once
            // for every screen that reads the same snapshot, projection and minute.
            let snapshot = hall.published.current, estimates = hall.published.currentEstimates
            let now = hall.now(), health = hall.health
            let key = HallViewCache.Key(publication: snapshot.publication, projectionSeq: estimates.seq, projectionAt: estimates.at, now: now, health: health)
            // Only a non-finite number can fail to encode; the views never make one.
            guard let (body, rendered) = try? hallViewCache.body(for: key, render: {
                // The snapshot's own rules: names and services of the config its state was folded under.
                var view = HallViews(engine: snapshot.engine).hall(snapshot.state, recentCalls: snapshot.recentCalls, at: now, projection: estimates.line)
                view.seq = snapshot.seq
                // What the supervisor must know about the daemon itself (a degraded journal, a
                // clock that stepped).
                view.journal = health.journalHealth
                view.clock = health.clockHealth
                return ByteBuffer(bytes: try APICoding.encode(view))
            }) else { throw APIError(.internalServerError, "internal", "内部错误 Internal error") }
            metrics.recordHallRead(rendered: rendered)
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
        }

        router.get("/v1/events") { request, _ in
            try authorizeReader(request)
            // Resume: the standard Last-Event-ID header (browsers send it on reconnect), or ?after=.
            let afterText = request.headers.first(where: { $0.name.canonicalName == "last-event-id" })?.value ?? request.uri.queryParameters.get("after") ?? "0"
            guard let after = Int64(afterText), after >= 0 else {
                throw APIError.badRequest("invalid_event_id", "Last-Event-ID / after must be a non-negative integer")
            }
            guard let subscription = hall.subscribe() else {
                throw APIError(.serviceUnavailable, "shutting_down", "服务正在停止 The daemon is shutting down")
            }
            let backlog = try await hall.journal.events(after: after, limit: 100_000).filter { $0.seq <= subscription.from }
            let published = hall.published
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                do {
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    // The backlog in writes of a few dozen kilobytes, not one per event: a
                    // screen's reader takes a whole day's backlog in a few chunks instead of
                    // thousands (it ends a stream it falls `chunksKept` chunks behind).
                    let asOfBacklog = published.current
                    var chunk = ByteBuffer()
                    for item in backlog {
                        var event = Self.sse(item, asOfBacklog)
                        chunk.writeBuffer(&event)
                        if chunk.readableBytes >= Self.backlogWriteBytes {
                            try await writer.write(chunk)
                            chunk = ByteBuffer()
                        }
                    }
                    if chunk.readableBytes > 0 { try await writer.write(chunk) }
                    for await item in subscription.events {
                        switch item {
                        case let .event(event) where event.seq > after:
                            try await writer.write(Self.sse(event, published.current))
                        case .event:
                            break
                        case .heartbeat:
                            try await writer.write(Self.heartbeat)
                        }
                    }
                } catch {
                    hall.unsubscribe(subscription.id)   // the client went away
                    throw error
                }
                hall.unsubscribe(subscription.id)
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

    /// The backlog of `/v1/events` is written in pieces of about this size.
    static let backlogWriteBytes = 32 * 1024

    /// An SSE comment: ignored by every SSE client, but bytes on the wire.
    static let heartbeat = ByteBuffer(string: ": heartbeat\n\n")

    /// One event on the stream, with what a screen draws of a call (`HallViews.streamed`),
    /// named by the config and state of the last commit.
    static func sse(_ item: StoredEvent, _ snapshot: PublishedHall.Snapshot) -> ByteBuffer {
        let line = HallViews(engine: snapshot.engine).streamed(item.event, seq: item.seq, in: snapshot.state)
        return ByteBuffer(string: "id: \(item.seq)\nevent: hall\ndata: \(line.json.serialized())\n\n")
    }
}
