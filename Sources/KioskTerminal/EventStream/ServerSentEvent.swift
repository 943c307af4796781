/// One event dispatched from a `text/event-stream` body (WHATWG HTML, "Server-sent events").
public struct ServerSentEvent: Sendable, Hashable {
    /// The last event id seen at dispatch (ids persist across events until changed); nil
    /// before the stream named one.
    public var id: String?
    /// The `event:` field; `message` when the event named none.
    public var type: String
    /// The `data:` lines joined with line feeds.
    public var data: String

    public init(id: String?, type: String = "message", data: String) {
        self.id = id
        self.type = type
        self.data = data
    }
}
