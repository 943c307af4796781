extension SMSSettings {
    /// Reads the `"sms"` section (nil: absent, defaults) and checks every template against the
    /// hall: a message that could exceed one UCS-2 segment would be split or cut by the
    /// gateway, so the config is refused instead.
    static func read(_ node: JSONNode?, hall: HallConfig, lenient: Bool, into root: inout ConfigReader) -> SMSSettings {
        // Starts from the hall's own: the signature derived from its name.
        var settings = hall.sms
        var templateNodes: [SMSTrigger: JSONNode] = [:]
        if let node {
            var r = ConfigReader(node, path: "sms")
            guard r.isObject else {
                root.absorb(r)
                return settings
            }
            if let g = r.string("gateway") {
                if let gateway = Gateway(rawValue: g) {
                    settings.gateway = gateway
                } else {
                    r.report(r.raw("gateway")!, "sms.gateway must be one of \(Gateway.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), found \"\(g)\"")
                }
            }
            settings.url = r.string("url")
            settings.username = r.string("username")
            settings.password = r.string("password")
            settings.token = r.string("token")
            settings.sender = r.string("sender")
            let signature = r.string("signature")
            settings.signature = signature ?? settings.signature
            settings.callbackURL = r.string("callback_url")
            settings.headsUpAhead = r.int("heads_up_ahead", in: 0...50) ?? settings.headsUpAhead
            settings.headsUpHoldSeconds = r.double("heads_up_hold_s", in: 0...3600) ?? settings.headsUpHoldSeconds
            settings.concurrency = r.int("concurrency", in: 1...32) ?? settings.concurrency
            settings.maxAttempts = r.int("max_attempts", in: 1...50) ?? settings.maxAttempts
            settings.timeoutSeconds = r.double("timeout_s", in: 1...120) ?? settings.timeoutSeconds
            for key in ["url", "callback_url"] {
                if let value = key == "url" ? settings.url : settings.callbackURL,
                   !(value.hasPrefix("http://") || value.hasPrefix("https://")) {
                    r.report(r.raw(key)!, "sms.\(key) must be an http:// or https:// URL, found \"\(value)\"")
                }
            }
            switch settings.gateway {
            case .kannel:
                if settings.url == nil { r.report(node, "sms: the kannel gateway needs \"url\" (its …/cgi-bin/sendsms)") }
                if settings.username == nil || settings.password == nil {
                    r.report(node, "sms: the kannel gateway needs \"username\" and \"password\" (its sendsms-user)")
                }
            case .webhook:
                if settings.url == nil { r.report(node, "sms: the webhook gateway needs \"url\"") }
            case .log:
                break
            }
            if signature == nil {
                if settings.gateway == .log {
                    r.warn(node, Self.unsignedWarning(settings.signature))
                } else {
                    r.report(node, "sms: the \(settings.gateway.rawValue) gateway needs \"signature\", the one registered with your SMS provider (e.g. \"【青溪人社】\"): citizens must see who writes to them")
                }
            } else if signature?.isEmpty == true {
                r.report(r.raw("signature")!, "sms.signature is empty: citizens must see who writes to them")
            }
            if let t = r.raw("templates") {
                var tr = ConfigReader(t, path: "sms.templates")
                if tr.isObject {
                    for trigger in SMSTrigger.allCases {
                        guard let source = tr.string(trigger.rawValue), let sourceNode = tr.raw(trigger.rawValue) else { continue }
                        if source.isEmpty {
                            settings.templates[trigger] = nil
                            continue
                        }
                        do {
                            settings.templates[trigger] = try SMSTemplate(source)
                            templateNodes[trigger] = sourceNode
                        } catch {
                            tr.report(sourceNode, "sms.templates.\(trigger.rawValue): \(error)")
                        }
                    }
                    if !lenient { tr.finish() }
                }
                r.absorb(tr)
            }
            if !lenient { r.finish() }
            root.absorb(r)
        }
        // Checked with or without an "sms" section: the defaults must fit this hall too. A
        // trace's config (lenient, no section) sends nothing, so it is not held to it.
        if lenient && node == nil { return settings }
        if node == nil { root.warn(root.node, Self.unsignedWarning(settings.signature)) }
        let bounds = SMSTemplate.fieldBounds(for: hall)
        for trigger in SMSTrigger.allCases {
            guard let template = settings.templates[trigger] else { continue }
            let worst = settings.signature.utf16.count + template.worstCaseLength(bounds) + hall.reply.invitationLength(trigger)
            guard worst > SMSTemplate.segmentLength else { continue }
            let culprits = template.fields.sorted { $0.rawValue < $1.rawValue }
                .map { "{\($0.rawValue)} up to \(bounds[$0] ?? 0)" }.joined(separator: ", ")
            let where_ = templateNodes[trigger] ?? node ?? root.node
            let what = templateNodes[trigger] == nil ? "the default \(trigger.rawValue) template" : "sms.templates.\(trigger.rawValue)"
            let invitation = hall.reply.invitationLength(trigger) > 0 ? " and the reply invitation \(hall.reply.invitation)" : ""
            let message = "\(what) can render \(worst) characters with the signature \(settings.signature)\(invitation) (\(culprits)); one SMS holds \(SMSTemplate.segmentLength): shorten it"
            // A lenient read is of a config already accepted: a journal's record (which carries
            // the default section even for an imported trace's hall) must always read back, so
            // there the overflow only warns; a hall starting from a file is still refused.
            if lenient { root.warn(where_, message) } else { root.report(where_, message) }
        }
        return settings
    }

    static func unsignedWarning(_ derived: String) -> String {
        "sms.signature is not set: messages are signed \(derived) (from hall.short_name, else hall.name); set it to the signature registered with your SMS provider"
    }
}
