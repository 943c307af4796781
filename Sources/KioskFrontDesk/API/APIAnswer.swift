/// What one call to the daemon came to.
public enum APIAnswer<Value: Sendable>: Sendable {
    /// A 2xx, decoded as the route's KioskAPI answer type.
    case ok(Value)
    /// The daemon refused: its `error.code` and `error.message` (or `bad_answer` when a 2xx
    /// did not decode as the contract says).
    case refused(code: String, message: String)
    /// No answer at all (daemon down, network, timeout).
    case unreachable(String)

    /// The same answer with the value transformed.
    public func map<Other: Sendable>(_ transform: (Value) -> Other) -> APIAnswer<Other> {
        switch self {
        case let .ok(value): return .ok(transform(value))
        case let .refused(code, message): return .refused(code: code, message: message)
        case let .unreachable(why): return .unreachable(why)
        }
    }
}

extension APIAnswer: Equatable where Value: Equatable {}
