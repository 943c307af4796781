/// The answer to `GET /healthz`.
public struct HealthAnswer: Codable, Sendable, Equatable {
    /// Always `ok` while the daemon answers.
    public var status: String
    /// `ok`; `degraded` when journal rows could not be read and were quarantined (the hall runs
    /// without them); `unavailable` while commits fail (commands answer 503).
    public var journal: String
    /// How many rows are quarantined; absent when none.
    public var quarantinedRows: Int?

    public init(status: String = "ok", journal: String = "ok", quarantinedRows: Int? = nil) {
        self.status = status
        self.journal = journal
        self.quarantinedRows = quarantinedRows
    }

    enum CodingKeys: String, CodingKey {
        case status, journal, quarantinedRows = "quarantined_rows"
    }
}
