import KioskCore

/// A client's `Idempotency-Key` for a ticket issue, with what it asked for.
public struct IssueKey: Sendable, Equatable {
    /// 1–64 visible ASCII characters.
    public var key: String
    /// What was asked (service, priority, masked phones, override): the same key with a
    /// different request is a conflict, not a replay.
    public var fingerprint: String

    /// Whether `text` is a key the API accepts: 1–64 characters from `!` to `~`.
    public static func isValid(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

/// The same `Idempotency-Key` came with a different request.
public struct IdempotencyConflict: Error, Sendable {}

/// Where a key stands in the hall today.
enum KeyedIssue {
    /// A request with this key is being decided or committed; others with it wait.
    case reserved(fingerprint: String, waiters: [CheckedContinuation<Void, Never>])
    /// Committed: this key's ticket.
    case issued(fingerprint: String, ticket: TicketNumber)

    var fingerprint: String {
        switch self {
        case let .reserved(fingerprint, _), let .issued(fingerprint, _): return fingerprint
        }
    }
}
