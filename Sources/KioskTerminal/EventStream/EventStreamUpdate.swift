/// What the event stream reader reports, in order.
public enum EventStreamUpdate: Sendable, Hashable {
    /// The daemon answered 200 and the stream is open.
    case connected
    /// One event from the stream.
    case event(ServerSentEvent)
    /// The connection failed or ended; the reader retries after its reconnection delay.
    case disconnected(reason: String)
}
