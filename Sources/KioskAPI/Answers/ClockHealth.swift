/// The hall clock against the PC's wall clock, as the hall view and the clock confirmation
/// carry it.
public struct ClockHealth: Codable, Sendable, Equatable {
    /// `ok`, or `warning` when the wall clock stepped more than 2 minutes away from the hall
    /// clock (which keeps its own time) and neither came back nor was confirmed.
    public var state: String
    /// Wall clock minus hall clock, whole seconds (positive: the wall clock is ahead).
    public var skewSeconds: Int

    public init(state: String = "ok", skewSeconds: Int = 0) {
        self.state = state
        self.skewSeconds = skewSeconds
    }

    enum CodingKeys: String, CodingKey {
        case state, skewSeconds = "skew_s"
    }
}
