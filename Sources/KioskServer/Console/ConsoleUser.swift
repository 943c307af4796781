import Foundation

/// A person who signs in to the console (`kiosk users add`): a supervisor (值班长) acts on the
/// hall; an admin sees the same pages but acts only where the API lets an admin.
public struct ConsoleUser: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case supervisor, admin
    }

    public var name: String
    public var role: Role
    /// `PasswordHash`'s stored form.
    public var password: String
    /// When the user was added, ISO 8601 (UTC).
    public var added: String

    public init(name: String, role: Role, password: PasswordHash, added: Date) {
        self.name = name
        self.role = role
        self.password = password.description
        self.added = ISO8601DateFormatter().string(from: added)
    }

    /// The name recorded in audited events (`supervisor 王芳`): the role, then the person.
    public var auditName: String { "\(role.rawValue) \(name)" }

    /// Whether `name` may be a user name: 1–32 letters (Chinese included), digits, `.`, `_` or
    /// `-`. Nothing that could break a log line, an audit field or a page.
    public static func isValidName(_ name: String) -> Bool {
        (1...32).contains(name.count) && name.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
    }
}
