extension ReplySettings {
    /// Reads the `"reply"` section (nil: absent, defaults: replies not invited).
    static func read(_ node: JSONNode?, lenient: Bool, into root: inout ConfigReader) -> ReplySettings {
        root.section(node, path: "reply", lenient: lenient, defaults: ReplySettings()) { r, settings in
            settings.enabled = r.bool("enabled") ?? settings.enabled
            if let invitation = r.string("invitation") {
                if invitation.isEmpty && settings.enabled {
                    r.report(r.raw("invitation")!, "reply.invitation is empty: citizens would not know they may answer")
                }
                settings.invitation = invitation
            }
            settings.maxPerNumber = r.int("max_per_number", in: 1...100) ?? settings.maxPerNumber
            settings.rateWindowSeconds = r.double("rate_window_s", in: 10...86_400) ?? settings.rateWindowSeconds
            settings.escalateAfterSeconds = r.double("escalate_after_s", in: 10...3600) ?? settings.escalateAfterSeconds
            settings.arrivalGraceSeconds = r.double("arrival_grace_s", in: 0...3600) ?? settings.arrivalGraceSeconds
        }
    }
}
