import Foundation
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

    /// The menu's mark for a line that issues no tickets now, saying when to come back when
    /// the daemon's sentence names a time: `今日已满`, `请14:30后再来`.
    public var menuMark: String {
        switch status {
        case "quota_reached", "numbers_exhausted", "closes_before_turn":
            if let time = comeBackTime { return "今日已满 请\(time)后再来 Full, back at \(time)" }
            return "今日已满 Full today"
        case "outside_hours":
            if let time = comeBackTime { return "请\(time)后再来 Back at \(time)" }
            return "今日已结束 Closed for today"
        default:
            return closedLabel
        }
    }

    /// The first `HH:MM` after 于/请 in the daemon's sentence (`…请于14:30后取号`), if any.
    var comeBackTime: String? {
        guard let message = statusMessage, let range = message.range(of: #"[0-2][0-9]:[0-5][0-9](?=后)"#, options: .regularExpression) else { return nil }
        return String(message[range])
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
