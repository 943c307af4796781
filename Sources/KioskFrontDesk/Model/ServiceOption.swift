import KioskAPI

/// One line of the ticket machine's menu: a service as `GET /v1/services` reports it (the
/// API's own type).
public typealias ServiceOption = ServiceStatus

extension ServiceStatus {
    public var isOpen: Bool { status == "open" }

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
