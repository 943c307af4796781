import KioskCore

/// What one call to the daemon came to.
public enum APIAnswer: Sendable, Equatable {
    /// A 2xx and its JSON.
    case ok(JSONValue)
    /// The daemon refused: its `error.code` and `error.message`.
    case refused(code: String, message: String)
    /// No answer at all (daemon down, network, timeout).
    case unreachable(String)
}
