import Foundation
import Hummingbird

/// The hall's committed events as Server-Sent Events: what `/v1/events`, the ticket page's
/// stream and the console's stream share. It subscribes at once (503 while the daemon shuts
/// down), answers with the stream's head and its `retry` hint, and ends the subscription
/// however the stream ends (the client went away, the daemon drained).
struct HallEventStream: Sendable {
    let hall: Hall
    /// The last event the journal had when the stream subscribed: later ones come on `events`.
    let from: Int64
    let events: AsyncStream<HallStreamItem>
    private let id: UUID

    init(_ hall: Hall) throws {
        guard let subscription = hall.subscribe() else {
            throw APIError(.serviceUnavailable, "shutting_down", "服务正在停止 The daemon is shutting down")
        }
        (self.hall, from, events, id) = (hall, subscription.from, subscription.events, subscription.id)
    }

    /// The answer: `retry: retryMilliseconds` (how soon a browser reconnects), then what `write` writes.
    func response(
        retryMilliseconds: Int, cacheControl: String = "no-cache",
        _ write: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> Void
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = cacheControl
        let stream = self
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                try await writer.write(ByteBuffer(string: "retry: \(retryMilliseconds)\n\n"))
                try await write(&writer)
            } catch {
                stream.hall.unsubscribe(stream.id)   // the client went away
                throw error
            }
            stream.hall.unsubscribe(stream.id)
            try await writer.finish(nil)
        })
    }
}
