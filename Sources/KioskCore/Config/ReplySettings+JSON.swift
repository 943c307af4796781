extension ReplySettings {
    /// The `"reply"` section in the file's own shape.
    public var jsonValue: JSONValue {
        [
            "enabled": .bool(enabled), "invitation": .string(invitation),
            "max_per_number": .number(Double(maxPerNumber)), "rate_window_s": .number(rateWindowSeconds),
        ]
    }
}
