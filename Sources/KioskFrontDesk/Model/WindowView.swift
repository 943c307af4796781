import KioskCore

/// A window as `GET /v1/windows/N` (and every window command's answer) reports it.
public struct WindowView: Sendable, Equatable {
    public struct Current: Sendable, Equatable {
        public var ticket: String
        public var service: String
        public var serviceName: String
        public var state: String
        public var priority: Bool
        public var calls: Int?
        public var issuedAt: String?
    }

    public var id: String
    public var name: String
    public var services: [String]
    /// `open`, `paused` or `closed`.
    public var status: String
    public var backAt: String?
    public var current: Current?
    public var waiting: Int
    public var covering: [String]
    public var parked: [String]
    /// The current ticket's your-turn SMS, in words, when the daemon reports it.
    public var sms: String?

    public init(id: String, name: String, services: [String] = [], status: String = "open", backAt: String? = nil,
                current: Current? = nil, waiting: Int = 0, covering: [String] = [], parked: [String] = [], sms: String? = nil) {
        self.id = id
        self.name = name
        self.services = services
        self.status = status
        self.backAt = backAt
        self.current = current
        self.waiting = waiting
        self.covering = covering
        self.parked = parked
        self.sms = sms
    }

    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue else { return nil }
        var current: Current?
        if let c = json["current"], let ticket = c["ticket"]?.stringValue {
            current = Current(
                ticket: ticket, service: c["service"]?.stringValue ?? "", serviceName: c["service_name"]?.stringValue ?? "",
                state: c["state"]?.stringValue ?? "", priority: c["priority"]?.boolValue ?? false,
                calls: c["calls"]?.intValue, issuedAt: c["issued_at"]?.stringValue
            )
        }
        self.init(
            id: id, name: json["name"]?.stringValue ?? id,
            services: (json["services"]?.arrayValue ?? []).compactMap(\.stringValue),
            status: json["status"]?.stringValue ?? "open", backAt: json["back_at"]?.stringValue, current: current,
            waiting: json["waiting"]?.intValue ?? 0,
            covering: (json["covering"]?.arrayValue ?? []).compactMap(\.stringValue),
            parked: (json["parked"]?.arrayValue ?? []).compactMap(\.stringValue),
            sms: Self.smsText(json["sms"] ?? json["current"]?["sms"])
        )
    }

    /// The SMS field in words, whatever its shape: a state string, or an object with a state.
    static func smsText(_ value: JSONValue?) -> String? {
        guard let value, value != .null else { return nil }
        if let s = value.stringValue { return label(sms: s) }
        let state = value["state"]?.stringValue ?? value["status"]?.stringValue
        var parts: [String] = []
        if let state { parts.append(label(sms: state)) }
        if let to = value["to"]?.stringValue { parts.append(to) }
        if let at = value["at"]?.stringValue ?? value["delivered_at"]?.stringValue ?? value["sent_at"]?.stringValue { parts.append(at) }
        if parts.isEmpty { return value.serialized() }
        return parts.joined(separator: " ")
    }

    static func label(sms state: String) -> String {
        switch state {
        case "none": return "无 none"
        case "queued", "pending": return "待发送 pending"
        case "sending": return "发送中 sending"
        case "accepted", "sent", "submitted": return "短信网关已接收 accepted"
        case "delivered": return "已送达 delivered"
        case "failed", "undeliverable": return "发送失败 failed"
        case "dropped": return "未发送 dropped"
        default: return state
        }
    }
}
