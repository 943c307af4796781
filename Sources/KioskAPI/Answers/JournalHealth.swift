/// The journal's health as the supervisor's hall view carries it.
public struct JournalHealth: Codable, Sendable, Equatable {
    /// `ok`, `degraded` (rows quarantined) or `unavailable` (commits fail).
    public var state: String
    /// Rows moved to the quarantine table.
    public var quarantinedRows: Int

    public init(state: String = "ok", quarantinedRows: Int = 0) {
        self.state = state
        self.quarantinedRows = quarantinedRows
    }

    enum CodingKeys: String, CodingKey {
        case state, quarantinedRows = "quarantined_rows"
    }
}
