import Hummingbird

/// Where `GET /v1/events` starts: after the client's `Last-Event-ID` (a browser sends it on
/// every reconnect) or `?after=`, replaying what it missed from the journal; or, asked with
/// `?start=now` and neither of those, at the current commit with no replay (a hall screen,
/// which reads the rest from `GET /v1/hall`). Nothing of either: the whole journal.
enum EventStreamStart: Equatable {
    case after(Int64)
    case now

    init(_ request: Request) throws {
        let resume = request.headers.first(where: { $0.name.canonicalName == "last-event-id" })?.value
            ?? request.uri.queryParameters.get("after")
        if let resume {
            guard let after = Int64(resume), after >= 0 else {
                throw APIError.badRequest("invalid_event_id", "Last-Event-ID / after must be a non-negative integer")
            }
            self = .after(after)
            return
        }
        switch request.uri.queryParameters.get("start") {
        case nil: self = .after(0)
        case "now": self = .now
        case .some: throw APIError.badRequest("invalid_start", "start must be `now` (or absent: the whole journal)")
        }
    }
}
