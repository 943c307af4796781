import KioskAPI
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

    /// The window as the daemon reports it.
    public init(status: WindowStatus) {
        self.init(
            id: status.id, name: status.name, services: status.services, status: status.status, backAt: status.backAt,
            current: status.current.map { c in
                Current(ticket: c.ticket, service: c.service, serviceName: c.serviceName, state: c.state, priority: c.priority, calls: c.calls, issuedAt: c.issuedAt)
            },
            waiting: status.waiting, covering: status.covering, parked: status.parked, sms: status.sms.map(Self.label(sms:))
        )
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
