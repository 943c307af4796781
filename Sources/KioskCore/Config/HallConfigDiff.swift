/// What changes between two hall configs, as lines a hall's IT person reads
/// (`kiosk config apply` prints them), and which of the changes need a restart.
public struct HallConfigDiff: Sendable, Equatable {
    /// One line per change, e.g. `window 9 added: 9号窗口 (A, B)`, `service C: name 医保 → 医疗保险`.
    public private(set) var lines: [String] = []
    /// Keys that are read only when the daemon starts and differ (a live change refuses them).
    public private(set) var restartOnlyKeys: [String] = []
    public private(set) var addedWindows: [CounterID] = []

    public var isEmpty: Bool { lines.isEmpty }

    public init(from old: HallConfig, to new: HallConfig) {
        func change(_ label: String, _ a: String, _ b: String) {
            if a != b { lines.append("\(label): \(a) → \(b)") }
        }
        if old.id != new.id {
            // The shipper keys every row by the id it started with.
            change("hall.id", old.id ?? "-", new.id ?? "-")
            restartOnlyKeys.append("hall.id")
        }
        change("hall.name", old.name, new.name)
        change("hall.name_en", old.nameEN, new.nameEN)
        change("hall.short_name", old.shortName ?? "-", new.shortName ?? "-")
        change("hall.notice", old.notice, new.notice)
        change("hall.address", old.address ?? "-", new.address ?? "-")
        change("hall.public_url", old.publicURL ?? "-", new.publicURL ?? "-")
        if old.timeZoneID != new.timeZoneID {
            change("hall.time_zone", old.timeZoneID, new.timeZoneID)
            restartOnlyKeys.append("hall.time_zone")
        }
        change("sessions", Self.spans(old.sessions), Self.spans(new.sessions))

        lines += Self.keyedLines("service", from: old.services, to: new.services, id: \.code, name: \.name, added: \.name) { before, service in
            var parts: [String] = []
            if before.name != service.name { parts.append("name \(before.name) → \(service.name)") }
            if before.nameEN != service.nameEN { parts.append("name_en \(before.nameEN) → \(service.nameEN)") }
            if before.documents != service.documents { parts.append("documents \(service.documents.joined(separator: "、"))") }
            if before.dailyQuota != service.dailyQuota {
                parts.append("daily_quota \(before.dailyQuota.map(String.init) ?? "-") → \(service.dailyQuota.map(String.init) ?? "-")")
            }
            if before.appointmentsPerSlot != service.appointmentsPerSlot {
                parts.append("appointments_per_slot \(before.appointmentsPerSlot) → \(service.appointmentsPerSlot)")
            }
            if before.guide != service.guide { parts.append(service.guide == nil ? "guide removed" : before.guide == nil ? "guide added" : "guide changed") }
            if before.hours != service.hours { parts.append("hours \(before.hours.map(Self.spans) ?? "-") → \(service.hours.map(Self.spans) ?? "-")") }
            return parts
        }
        if old.services.map(\.code) != new.services.map(\.code), Set(old.services.map(\.code)) == Set(new.services.map(\.code)) {
            lines.append("services reordered: \(new.services.map(\.code).joined(separator: " "))")
        }

        lines += Self.keyedLines(
            "window", from: old.counters, to: new.counters, id: \.id, name: \.name, added: { "\($0.name) (\($0.services.joined(separator: ", ")))" }
        ) { before, window in
            var parts: [String] = []
            if before.name != window.name { parts.append("name \(before.name) → \(window.name)") }
            if before.services != window.services {
                parts.append("services \(before.services.joined(separator: ",")) → \(window.services.joined(separator: ","))")
            }
            if before.policy != window.policy { parts.append("policy \(before.policy.rawValue) → \(window.policy.rawValue)") }
            if before.mayServe != window.mayServe {
                parts.append("may_serve \(before.mayServe.joined(separator: ",")) → \(window.mayServe.joined(separator: ","))")
            }
            return parts
        }
        let oldWindowIDs = Set(old.counters.map(\.id))
        addedWindows = new.counters.map(\.id).filter { !oldWindowIDs.contains($0) }

        // The other sections, compared as the file writes them.
        let a = old.jsonValue(withGateway: true), b = new.jsonValue(withGateway: true)
        for key in ["numbering", "priority", "recall", "noshow", "targets", "holidays", "reply", "appointments"] where a[key] != b[key] {
            lines.append("\(key): \(a[key]?.serialized() ?? "-") → \(b[key]?.serialized() ?? "-")")
        }
        if a["limits"] != b["limits"] {
            lines.append("limits: \(a["limits"]?.serialized() ?? "-") → \(b["limits"]?.serialized() ?? "-")")
            restartOnlyKeys.append("limits")
        }
        // The SMS texts apply at once; how the gateway is reached is wired at start.
        let liveSMS: Set = ["signature", "heads_up_ahead", "heads_up_hold_s", "templates"]
        let smsA = Self.members(a["sms"]), smsB = Self.members(b["sms"])
        for key in Self.keys(smsA, smsB) where smsA[key] != smsB[key] {
            let secret = ["password", "token", "username"].contains(key)
            lines.append(secret ? "sms.\(key) changed" : "sms.\(key): \(smsA[key]?.serialized() ?? "-") → \(smsB[key]?.serialized() ?? "-")")
            if !liveSMS.contains(key) { restartOnlyKeys.append("sms.\(key)") }
        }
    }

    /// A list whose entries have an id (services, windows): a line for each entry removed, then,
    /// in the new order, one for each entry added (`added` describes it) or changed (`changes`
    /// lists what differs, joined by "; ").
    private static func keyedLines<Entry>(
        _ kind: String, from old: [Entry], to new: [Entry], id: (Entry) -> String, name: (Entry) -> String,
        added: (Entry) -> String, changes: (_ before: Entry, _ after: Entry) -> [String]
    ) -> [String] {
        let oldByID = Dictionary(old.map { (id($0), $0) }) { a, _ in a }
        let newIDs = Set(new.map(id))
        var lines = old.filter { !newIDs.contains(id($0)) }.map { "\(kind) \(id($0)) removed: \(name($0))" }
        for entry in new {
            guard let before = oldByID[id(entry)] else {
                lines.append("\(kind) \(id(entry)) added: \(added(entry))")
                continue
            }
            let parts = changes(before, entry)
            if !parts.isEmpty { lines.append("\(kind) \(id(entry)): " + parts.joined(separator: "; ")) }
        }
        return lines
    }

    private static func spans(_ list: [TimeSpan]) -> String {
        list.map(\.description).joined(separator: ", ")
    }

    private static func members(_ value: JSONValue?) -> [String: JSONValue] {
        guard case let .object(pairs)? = value else { return [:] }
        return Dictionary(pairs.map { ($0.key, $0.value) }) { a, _ in a }
    }

    /// The keys of both, in a stable order.
    private static func keys(_ a: [String: JSONValue], _ b: [String: JSONValue]) -> [String] {
        Set(a.keys).union(b.keys).sorted()
    }
}
