/// The answer to `GET /healthz`.
public struct HealthAnswer: Codable, Sendable, Equatable {
    /// Always `ok` while the daemon answers.
    public var status: String
    /// `ok`; `degraded` when journal rows could not be read and were quarantined (the hall runs
    /// without them); `unavailable` while commits fail (commands answer 503).
    public var journal: String
    /// How many rows are quarantined; absent when none.
    public var quarantinedRows: Int?
    /// `ok`; `warning` while the PC's wall clock is more than 2 minutes away from the hall clock
    /// (it stepped; until the clocks agree again or a supervisor confirms the time).
    public var clock: String
    /// With a warning: wall clock minus hall clock, whole seconds.
    public var clockSkewSeconds: Int?

    public init(status: String = "ok", journal: String = "ok", quarantinedRows: Int? = nil, clock: String = "ok", clockSkewSeconds: Int? = nil) {
        self.status = status
        self.journal = journal
        self.quarantinedRows = quarantinedRows
        self.clock = clock
        self.clockSkewSeconds = clockSkewSeconds
    }

    enum CodingKeys: String, CodingKey {
        case status, journal, quarantinedRows = "quarantined_rows", clock, clockSkewSeconds = "clock_skew_s"
    }
}
