/// The daemon said no: its code, its sentence, and when to come back.
public struct Refusal: Sendable, Equatable {
    public var code: String
    /// The daemon's message, Chinese first.
    public var message: String
    /// When to come back, if the message itself does not say it.
    public var comeBack: String?

    public init(code: String, message: String, comeBack: String? = nil) {
        self.code = code
        self.message = message
        self.comeBack = comeBack ?? Self.comeBackHint(code: code, message: message)
    }

    /// A hint for refusals whose message does not name a time.
    static func comeBackHint(code: String, message: String) -> String? {
        switch code {
        case "quota_reached", "numbers_exhausted":
            return "请下一个工作日再来 Please come back on the next working day"
        case "service_closed":
            return "请咨询工作人员,或下一个工作日再来 Please ask staff, or come back on the next working day"
        case "unreachable", "http_503":
            return "请稍后再试,或咨询工作人员 Please try again shortly, or ask staff"
        default:
            return nil
        }
    }
}
