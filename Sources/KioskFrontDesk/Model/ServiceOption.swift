import KioskAPI
import KioskCore

/// One line of the ticket machine's menu, as `GET /v1/services` reports it.
public struct ServiceOption: Sendable, Equatable {
    public var code: String
    public var name: String
    public var nameEN: String
    public var documents: [String]
    /// People waiting in this line now.
    public var waiting: Int
    /// `open`, or the refusal code taking a ticket would get (`outside_hours`, `quota_reached`…).
    public var status: String
    /// The daemon's sentence for a refusal, Chinese first.
    public var statusMessage: String?
    /// Minutes the last ticket in the line is expected to wait (what a new ticket roughly faces).
    public var estimateMin: Int?

    public init(code: String, name: String, nameEN: String = "", documents: [String] = [], waiting: Int = 0,
                status: String = "open", statusMessage: String? = nil, estimateMin: Int? = nil) {
        self.code = code
        self.name = name
        self.nameEN = nameEN
        self.documents = documents
        self.waiting = waiting
        self.status = status
        self.statusMessage = statusMessage
        self.estimateMin = estimateMin
    }

    public var isOpen: Bool { status == "open" }

    /// A service as the daemon lists it.
    public init(status: ServiceStatus) {
        self.init(
            code: status.code, name: status.name, nameEN: status.nameEN, documents: status.documents, waiting: status.waiting,
            status: status.status, statusMessage: status.statusMessage, estimateMin: status.estimateMin.map(IssuedTicket.minutes)
        )
    }

    /// The services of a `GET /v1/services` answer.
    public static func list(from answer: ServiceList) -> [ServiceOption] {
        answer.services.map(ServiceOption.init(status:))
    }

    /// A short label for a closed line, Chinese first.
    public var closedLabel: String {
        Self.label(forRefusal: status)
    }

    static func label(forRefusal code: String) -> String {
        switch code {
        case "outside_hours": return "不在取号时间 Not issuing now"
        case "quota_reached": return "今日号已取完 Quota reached"
        case "service_closed": return "今日停止取号 Closed today"
        case "closes_before_turn": return "本时段已办不完 Full this session"
        case "numbers_exhausted": return "号码已用完 No numbers left"
        default: return "暂停取号 Not issuing (\(code))"
        }
    }
}
