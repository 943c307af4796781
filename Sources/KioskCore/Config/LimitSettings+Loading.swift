extension LimitSettings {
    /// Reads the `"limits"` section (nil: absent, defaults).
    static func read(_ node: JSONNode?, lenient: Bool, into root: inout ConfigReader) -> LimitSettings {
        root.section(node, path: "limits", lenient: lenient, defaults: LimitSettings()) { r, settings in
            settings.maxConnections = r.int("max_connections", in: 16...1_000_000) ?? settings.maxConnections
            settings.readTimeoutSeconds = r.double("read_timeout_s", in: 1...10) ?? settings.readTimeoutSeconds
            settings.kioskIssueBurst = r.int("kiosk_issue_burst", in: 0...10_000) ?? settings.kioskIssueBurst
            settings.kioskIssuePerSecond = r.double("kiosk_issue_per_s", in: 0...1000) ?? settings.kioskIssuePerSecond
            settings.kioskCancelWithinSeconds = r.double("kiosk_cancel_within_s", in: 0...86_400) ?? settings.kioskCancelWithinSeconds
            settings.streamHeartbeatSeconds = r.double("stream_heartbeat_s", in: 0.1...15) ?? settings.streamHeartbeatSeconds
            settings.streamBuffer = r.int("stream_buffer", in: 1...1_000_000) ?? settings.streamBuffer
        }
    }
}
