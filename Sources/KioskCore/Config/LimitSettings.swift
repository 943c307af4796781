/// The daemon's edges: how long a request may take to arrive, how many connections it keeps,
/// how fast a kiosk may issue, and how a live event stream is kept honest. The hall config's
/// `"limits"` section; every key is optional.
public struct LimitSettings: Sendable, Equatable {
    /// Open connections beyond this are answered 503 and closed (`max_connections`).
    public var maxConnections: Int = 4096
    /// Seconds a request's headers may take to arrive after the connection opens or the previous
    /// answer ends (so also the keep-alive idle timeout), and its body after its headers
    /// (`read_timeout_s`, at most 10).
    public var readTimeoutSeconds: Double = 10
    /// Tickets the kiosk role may issue at once before the rate applies (`kiosk_issue_burst`);
    /// 0 turns the limit off.
    public var kioskIssueBurst: Int = 30
    /// Tickets per second the kiosk role may issue once its burst is spent (`kiosk_issue_per_s`);
    /// 0 turns the limit off.
    public var kioskIssuePerSecond: Double = 1
    /// How old a ticket may be for the kiosk role to cancel it, in seconds (`kiosk_cancel_within_s`).
    public var kioskCancelWithinSeconds: Double = 600
    /// Seconds between comment lines on an idle event stream, so screens and proxies can tell a
    /// quiet hall from a dead connection (`stream_heartbeat_s`, at most 15).
    public var streamHeartbeatSeconds: Double = 10
    /// Events a live stream may fall behind before it is cut off (it resumes with
    /// `Last-Event-ID`) (`stream_buffer`).
    public var streamBuffer: Int = 4096

    public init() {}

    /// Whether issuing with the kiosk role is rate-limited at all.
    public var limitsKioskIssue: Bool { kioskIssueBurst > 0 && kioskIssuePerSecond > 0 }
}
