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
            let start = try EventStreamStart(request)
            let stream = try HallEventStream(hall)
            let journal = hall.journal, published = hall.published
            return stream.response(retryMilliseconds: 1000) { writer in
                let after: Int64
                switch start {
                case let .after(seq):
                    after = seq
                    try await Self.writeBacklog(after: seq, through: stream.from, from: journal, as: published, to: &writer)
                case .now:
                    // No replay: the stream names where it starts, so a client that drops
                    // before the first event resumes from there (`Last-Event-ID`) and misses
                    // nothing. Every commit up to it is in the snapshot a screen reads next
                    // (the hall publishes a commit before it hands its events to streams).
                    after = stream.from
                    try await writer.write(ByteBuffer(string: "id: \(stream.from)\n\n"))
                }
                for await item in stream.events {
                    switch item {
                    case let .event(event) where event.seq > after:
                        try await writer.write(Self.sse(event, published.current))
                    case .event:
                        break
                    case .heartbeat:
                        try await writer.write(Self.heartbeat)
                    }
                }
            }
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
    /// ... and read from the journal this many events at a time, so a client replaying a whole
    /// day holds one page of it in memory, not the day.
    static let backlogPageEvents = 1000

    /// The journal's events after `after` up to `through` (where the live stream takes over),
    /// read a page at a time and written in pieces of `backlogWriteBytes`: a screen's reader
    /// takes a whole day's backlog in a few chunks instead of thousands (it ends a stream it
    /// falls `chunksKept` chunks behind).
    static func writeBacklog(
        after: Int64, through: Int64, from journal: any Journal, as published: PublishedHall, to writer: inout any ResponseBodyWriter
    ) async throws {
        let asOfBacklog = published.current
        var cursor = after
        var chunk = ByteBuffer()
        while cursor < through {
            let page = try await journal.events(after: cursor, limit: backlogPageEvents)
            for item in page where item.seq <= through {
                var event = sse(item, asOfBacklog)
                chunk.writeBuffer(&event)
                if chunk.readableBytes >= backlogWriteBytes {
                    try await writer.write(chunk)
                    chunk = ByteBuffer()
                }
            }
            guard let last = page.last?.seq, last > cursor else { break }
            cursor = last
        }
        if chunk.readableBytes > 0 { try await writer.write(chunk) }
    }

    /// An SSE comment: ignored by every SSE client, but bytes on the wire.
    static let heartbeat = ByteBuffer(string: ": heartbeat\n\n")

    /// One event on the stream, with what a screen draws of a call (`HallViews.streamed`),
    /// named by the config and state of the last commit.
    static func sse(_ item: StoredEvent, _ snapshot: PublishedHall.Snapshot) -> ByteBuffer {
        let line = HallViews(engine: snapshot.engine).streamed(item.event, seq: item.seq, in: snapshot.state)
        return ByteBuffer(string: "id: \(item.seq)\nevent: hall\ndata: \(line.json.serialized())\n\n")
    }
}
