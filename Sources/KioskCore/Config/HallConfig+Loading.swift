import Foundation

extension HallConfig {
    /// Parses and validates a hall config file's text, reporting every problem found.
    ///
    /// - Parameter lenient: accept unknown keys (used for a trace's `meta.config`, which other
    ///   tools may extend); a hall's own file is read strictly so typos are caught.
    public static func load(json text: String, lenient: Bool = false) throws(ConfigError) -> HallConfig {
        try check(json: text, lenient: lenient).config
    }

    /// As `load(json:)`, keeping the warnings (`kiosk config check` prints them, `serve` logs them).
    public static func check(json text: String, lenient: Bool = false) throws(ConfigError) -> CheckedConfig {
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw ConfigError(diagnostics: [ConfigDiagnostic(error.location, "JSON syntax: \(error.message)")])
        }
        return try check(root, lenient: lenient)
    }

    /// Reads a config from an already parsed JSON value (e.g. a trace's `meta.config`).
    public static func load(_ root: JSONNode, lenient: Bool = false) throws(ConfigError) -> HallConfig {
        try check(root, lenient: lenient).config
    }

    static func check(_ root: JSONNode, lenient: Bool) throws(ConfigError) -> CheckedConfig {
        var r = ConfigReader(root, path: "")
        guard r.isObject else { throw ConfigError(diagnostics: r.diagnostics) }
        let defaults = HallConfig(sessions: [], services: [], counters: [])

        var name = defaults.name, nameEN = defaults.nameEN, zone = defaults.timeZoneID, notice = ""
        var shortName: String?, address: String?, publicURL: String?
        var hallID: String?
        if let hallNode = r.raw("hall") {
            var h = ConfigReader(hallNode, path: "hall")
            hallID = h.string("id")
            if let id = hallID, !HallConfig.isValidHallID(id) {
                h.report(h.raw("id")!, "hall.id must be 1–40 characters of a–z, 0–9, '-' and '_', starting with a letter or digit, found \"\(id)\"")
            }
            name = h.string("name") ?? name
            nameEN = h.string("name_en") ?? nameEN
            shortName = h.string("short_name")
            if let s = shortName, s.isEmpty || s.count > 12 {
                h.report(h.raw("short_name")!, "hall.short_name must be 1–12 characters (it signs every SMS as 【short name】), found \"\(s)\"")
            }
            if let z = h.string("time_zone") {
                if TimeZone(identifier: z) == nil {
                    h.report(h.raw("time_zone")!, "hall.time_zone: unknown time zone \"\(z)\" (expected an IANA name like Asia/Shanghai)")
                } else {
                    zone = z
                }
            }
            notice = h.string("notice") ?? ""
            address = h.string("address")
            if let url = h.string("public_url") {
                if let valid = Self.publicURL(url) {
                    publicURL = valid
                } else {
                    h.report(h.raw("public_url")!, "hall.public_url must be an http:// or https:// address without a query or fragment (e.g. https://q.example.gov.cn), found \"\(url)\"")
                }
            }
            if !lenient { h.finish() }
            r.absorb(h)
        }

        let sessions = r.spans("sessions", required: true) ?? []
        if sessions.isEmpty, let n = r.raw("sessions") { r.report(n, "sessions: at least one session is needed") }

        let numberingNode = r.raw("numbering")
        let numbering = r.section(numberingNode, path: "numbering", lenient: lenient, defaults: defaults.numbering) { nr, numbering in
            numbering.first = nr.int("first", in: 0...999) ?? numbering.first
            numbering.last = nr.int("last", in: 0...999) ?? numbering.last
            if numbering.first > numbering.last {
                nr.report(nr.node, "numbering: first (\(numbering.first)) is after last (\(numbering.last))")
            }
        }

        let priorityNode = r.raw("priority")
        let priority = r.section(priorityNode, path: "priority", lenient: lenient, defaults: defaults.priority) { pr, priority in
            priority.everyNNormal = pr.int("every_n_normal", in: 0...100) ?? priority.everyNNormal
            if let s = pr.string("scope") {
                if let scope = PriorityRule.Scope(rawValue: s) {
                    priority.scope = scope
                } else {
                    pr.report(pr.raw("scope")!, "priority.scope must be \"hall\" or \"counter\", found \"\(s)\"")
                }
            }
            priority.ageingGuardMinutes = pr.int("ageing_guard_min", in: 1...600)
            priority.startDue = pr.bool("start_due") ?? priority.startDue
        }

        let recallNode = r.raw("recall")
        let recall = r.section(recallNode, path: "recall", lenient: lenient, defaults: defaults.recall) { rr, recall in
            recall.intervalSeconds = rr.double("interval_s", in: 5...3600) ?? recall.intervalSeconds
            recall.maxRecalls = rr.int("max_recalls", in: 0...10) ?? recall.maxRecalls
            recall.automatic = rr.bool("automatic") ?? recall.automatic
        }

        let noShowNode = r.raw("noshow")
        let reactivation = r.section(noShowNode, path: "noshow", lenient: lenient, defaults: defaults.noShowReactivationMinutes) { nr, reactivation in
            reactivation = nr.int("reactivate_within_min", in: 0...600) ?? reactivation
        }

        var services: [ServiceConfig] = []
        var serviceNodes: [ServiceCode: JSONNode] = [:]
        var reviewerNodes: [ServiceCode: JSONNode] = [:]
        for (i, node) in (r.array("services", required: true) ?? []).enumerated() {
            var sr = ConfigReader(node, path: "services[\(i)]")
            guard sr.isObject else { r.absorb(sr); continue }
            let code = sr.string("code", required: true)
            let serviceName = sr.string("name", required: true)
            let documents = sr.strings("documents")
            var service = ServiceConfig(
                code: code ?? "?", name: serviceName ?? code ?? "?", nameEN: sr.string("name_en") ?? "",
                documents: documents ?? [],
                dailyQuota: sr.int("daily_quota", in: 1...999), hours: sr.spans("hours"),
                guide: ServiceGuide.read(sr.raw("guide"), path: "services[\(i)].guide", lenient: lenient, into: &sr)
            )
            // A guide's materials are the documents to bring when the file lists none of its own.
            if documents == nil, let guide = service.guide { service.documents = guide.materials.map(\.name) }
            if let guide = service.guide, !guide.materials.isEmpty, let documentsNode = sr.raw("documents") {
                // The menu's list and the guide's must not disagree: the citizen reads both.
                // `学历证书(如有)` is the material `学历证书` with its note.
                for document in service.documents where !guide.materials.contains(where: { document.hasPrefix($0.name) }) {
                    sr.warn(documentsNode, "services[\(i)].documents lists \"\(document)\", which the guide's materials do not")
                }
            }
            service.review = sr.bool("review") ?? false
            service.reviewers = sr.strings("reviewers") ?? []
            if let node = sr.raw("reviewers") { reviewerNodes[service.code] = node }
            if let code {
                if code.count != 1 || !("A"..."Z").contains(code) {
                    sr.report(sr.raw("code")!, "services[\(i)].code must be one capital letter A–Z (it prefixes the ticket number), found \"\(code)\"")
                } else if let first = serviceNodes[code] {
                    sr.report(sr.raw("code")!, "duplicate service code \"\(code)\" (first defined at line \(first.location.line))")
                } else {
                    serviceNodes[code] = node
                }
            }
            if let hours = service.hours, hours.isEmpty, let node = sr.raw("hours") {
                sr.report(node, "services[\(i)].hours is empty: the service could never issue a ticket (omit \"hours\" to use the hall's sessions)")
            }
            if let hours = service.hours, !hours.isEmpty, !sessions.isEmpty {
                for span in hours where !sessions.contains(where: { $0.start <= span.start && span.end <= $0.end }) {
                    sr.report(sr.raw("hours")!, "services[\(i)].hours \(span) is outside the hall's sessions")
                }
            }
            service.appointmentsPerSlot = sr.int("appointments_per_slot", in: 0...99) ?? 0
            if !lenient { sr.finish() }
            r.absorb(sr)
            if code != nil && serviceName != nil { services.append(service) }
        }
        if services.isEmpty && serviceNodes.isEmpty, let n = r.raw("services") {
            r.report(n, "services: at least one service is needed")
        }

        var counters: [CounterConfig] = []
        var counterLines: [CounterID: Int] = [:]
        var served: Set<ServiceCode> = []
        for (i, node) in (r.array("counters", required: true) ?? []).enumerated() {
            // Named by its id, as the hall's staff know it ("window \"3\""); by position only
            // when it has none.
            let label = Self.peekString(node, "id").map { "window \"\($0)\"" } ?? "counters[\(i)]"
            var cr = ConfigReader(node, path: label)
            guard cr.isObject else { r.absorb(cr); continue }
            let id = cr.string("id", required: true)
            let counterName = cr.string("name")
            let list = cr.strings("services") ?? []
            let reviews = cr.bool("reviews") ?? false
            let mayServe = cr.strings("may_serve") ?? []
            if cr.raw("services") == nil { _ = cr.raw("services", required: true) }
            var policy = CallPolicy.fifo
            if let p = cr.string("policy") {
                if let parsed = CallPolicy(rawValue: p) {
                    policy = parsed
                } else {
                    cr.report(cr.raw("policy")!, "\(label).policy must be \"fifo\" or \"service_order\", found \"\(p)\"")
                }
            }
            if let id {
                if id.isEmpty || id.count > 8 {
                    cr.report(cr.raw("id")!, "\(label).id must be 1–8 characters")
                } else if let line = counterLines[id] {
                    cr.report(cr.raw("id")!, "duplicate counter id \"\(id)\" (first defined at line \(line))")
                } else {
                    counterLines[id] = node.location.line
                }
            }
            if let servicesNode = cr.raw("services") {
                // A reviewer's window (审核岗) may take no line of its own.
                if list.isEmpty && !reviews { cr.report(servicesNode, "\(label) serves no service") }
                var seen: Set<String> = []
                for code in list {
                    if serviceNodes[code] == nil {
                        cr.report(servicesNode, "\(label) serves unknown service \"\(code)\"")
                    }
                    if !seen.insert(code).inserted {
                        cr.report(servicesNode, "\(label) lists service \"\(code)\" twice")
                    }
                    served.insert(code)
                }
            }
            if let node = cr.raw("may_serve") {
                for code in Set(mayServe).sorted() where serviceNodes[code] == nil {
                    cr.report(node, "\(label).may_serve: unknown service \"\(code)\"")
                }
            }
            if !lenient { cr.finish() }
            r.absorb(cr)
            if let id {
                counters.append(CounterConfig(id: id, name: counterName, services: list, policy: policy, reviews: reviews, mayServe: mayServe))
            }
        }
        for service in services where !served.contains(service.code) {
            if let node = serviceNodes[service.code] {
                r.report(node, "service \"\(service.code)\" (\(service.name)) is served by no counter")
            }
        }

        let counterIDs = Set(counters.map(\.id))
        for service in services {
            if let node = reviewerNodes[service.code] {
                for id in service.reviewers where !counterIDs.contains(id) {
                    r.report(node, "service \"\(service.code)\" lists reviewer window \"\(id)\", which is not in counters")
                }
            }
            let anyReviewer = counters.contains { $0.reviews || service.reviewers.contains($0.id) }
            if service.review, !anyReviewer, let node = serviceNodes[service.code] {
                r.report(node, "service \"\(service.code)\" (\(service.name)) needs review (\"review\": true) but no window reviews it: give a window \"reviews\": true or list its \"reviewers\"")
            }
        }

        var config = HallConfig(
            name: name, nameEN: nameEN, timeZoneID: zone, sessions: sessions, numbering: numbering,
            priority: priority, recall: recall, noShowReactivationMinutes: reactivation, notice: notice,
            services: services, counters: counters, shortName: shortName
        )
        config.address = address
        config.publicURL = publicURL
        config.id = hallID
        // Before "sms": the reply invitation counts towards the messages' 70 characters.
        config.reply = ReplySettings.read(r.raw("reply"), lenient: lenient, into: &r)
        config.sms = SMSSettings.read(r.raw("sms"), hall: config, lenient: lenient, into: &r)
        config.limits = LimitSettings.read(r.raw("limits"), lenient: lenient, into: &r)
        config.targets = WaitTargets.read(r.raw("targets"), services: Set(services.map(\.code)), lenient: lenient, into: &r)
        config.holidays = readHolidays(into: &r)
        config.appointments = AppointmentSettings.read(r.raw("appointments"), lenient: lenient, into: &r)

        if !lenient { r.finish() }
        let diagnostics = r.diagnostics.sorted { $0.location < $1.location }
        let warnings = r.warnings.sorted { $0.location < $1.location }
        guard diagnostics.isEmpty else { throw ConfigError(diagnostics: diagnostics, warnings: warnings) }
        return CheckedConfig(config: config, warnings: warnings)
    }

    /// A member's string value without reading it through a `ConfigReader` (no diagnostics).
    static func peekString(_ node: JSONNode, _ key: String) -> String? {
        guard case let .object(members) = node.kind, let member = members.first(where: { $0.key == key }),
              case let .string(value) = member.value.kind else { return nil }
        return value
    }

    /// `text` as a public base address (scheme and host, an optional path, no trailing slash),
    /// or nil when it is not an http(s) address or carries a query or fragment.
    static func publicURL(_ text: String) -> String? {
        guard text.hasPrefix("https://") || text.hasPrefix("http://"),
              !text.contains("?"), !text.contains("#"), !text.contains(where: { $0.isWhitespace }) else { return nil }
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        let host = url.drop(while: { $0 != "/" }).dropFirst(2).prefix { $0 != "/" }
        return host.isEmpty ? nil : url
    }
}
