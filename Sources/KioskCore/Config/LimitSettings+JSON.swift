extension LimitSettings {
    /// The `"limits"` section in the file's own shape (every key, so a config read back from
    /// the journal has the limits it was applied with).
    public var jsonValue: JSONValue {
        [
            "kiosk_issue_burst": .number(Double(kioskIssueBurst)), "kiosk_issue_per_s": .number(kioskIssuePerSecond),
            "kiosk_cancel_within_s": .number(kioskCancelWithinSeconds), "read_timeout_s": .number(readTimeoutSeconds),
            "max_connections": .number(Double(maxConnections)), "stream_heartbeat_s": .number(streamHeartbeatSeconds),
            "stream_buffer": .number(Double(streamBuffer)),
        ]
    }
}
