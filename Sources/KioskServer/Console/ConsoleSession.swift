import Foundation

/// One signed-in browser: who, until when, and the CSRF token its forms must carry.
public struct ConsoleSession: Sendable, Equatable {
    /// The cookie's value: 32 random bytes in hex.
    public let id: String
    public let user: String
    public let role: ConsoleUser.Role
    /// Every form and POST of this session carries it; a request without it changes nothing.
    public let csrf: String
    public let expires: Date
    /// The user's password hash at sign-in: a user removed (or removed and added again with a
    /// new password) no longer matches, so the session is dead.
    let passwordStamp: String

    /// The name recorded in audited events (`supervisor 王芳`).
    public var auditName: String { "\(role.rawValue) \(user)" }
}
