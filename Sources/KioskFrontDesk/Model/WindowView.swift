import KioskAPI

/// A window as `GET /v1/windows/N` (and every window command's answer) reports it: the API's
/// own type, so the terminal cannot read a field the daemon does not write.
public typealias WindowView = WindowStatus

extension WindowStatus {
    /// The current ticket's your-turn SMS in words, when the daemon reports one.
    public var smsText: String? { sms.map(Self.label(sms:)) }

    static func label(sms state: String) -> String {
        switch state {
        case "pending": return "待发送 pending"
        case "sending": return "发送中 sending"
        case "accepted": return "短信网关已接收 accepted"
        case "delivered": return "已送达 delivered"
        case "logged": return "仅记入日志 logged, not sent"
        case "failed": return "发送失败 failed"
        case "dropped": return "未发送 dropped"
        default: return state
        }
    }
}
