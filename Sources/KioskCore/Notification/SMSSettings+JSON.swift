extension SMSSettings {
    /// The `"sms"` section in the file's own shape.
    ///
    /// `withGateway: false` (a trace's `meta.config`, an export) leaves out how to reach the
    /// gateway and its secrets (`gateway`, `url`, `username`, `password`, `token`, `sender`,
    /// `callback_url` and the sending knobs): a trace's hall sends nothing, and a file handed
    /// to an analyst must not carry a password. The journal's own record keeps everything, so
    /// a restart on the recorded config still reaches the gateway.
    public func jsonValue(withGateway: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if withGateway {
            members.append(("gateway", .string(gateway.rawValue)))
            for (key, value) in [("url", url), ("username", username), ("password", password), ("token", token), ("sender", sender), ("callback_url", callbackURL)] {
                if let value { members.append((key, .string(value))) }
            }
            members += [
                ("concurrency", .number(Double(concurrency))), ("max_attempts", .number(Double(maxAttempts))),
                ("timeout_s", .number(timeoutSeconds)),
            ]
        }
        members += [
            ("signature", .string(signature)),
            ("heads_up_ahead", .number(Double(headsUpAhead))), ("heads_up_hold_s", .number(headsUpHoldSeconds)),
            // Every trigger: an empty text is a trigger switched off (the reader's own rule).
            ("templates", .object(SMSTrigger.allCases.map { (key: $0.rawValue, value: .string(templates[$0]?.source ?? "")) })),
        ]
        return .object(members)
    }
}
