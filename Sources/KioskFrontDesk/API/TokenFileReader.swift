import Foundation
import KioskCore

/// Reads a client's token file (the daemon's `tokens.json` or a device's own) and picks the
/// token one role needs, saying which file and why when it cannot. The CLI, the hall screen and
/// the front ends read token files through here only.
public enum TokenFileReader {
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Missing or unreadable.
        case unreadable(path: String)
        /// Not a token file.
        case malformed(path: String, reason: String)
        /// A token file without the role's token (never another role's instead).
        case lacks(path: String, holdings: String, role: Role)

        public var description: String {
            switch self {
            case let .unreadable(path): "cannot read the token file \(path)"
            case let .malformed(path, reason): "\(path): \(reason)"
            case let .lacks(path, holdings, role): "\(path) holds \(holdings), not the \(role.auditName) token"
            }
        }
    }

    /// Every token the file at `path` holds.
    public static func book(at path: String) throws(Problem) -> TokenBook {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadable(path: path) }
        do {
            return try TokenBook.parse(text)
        } catch {
            throw .malformed(path: path, reason: "\(error)")
        }
    }

    /// The token for `role` from the file at `path`.
    public static func token(for role: Role, at path: String) throws(Problem) -> String {
        try token(for: [role], at: path)
    }

    /// The token of the first of `roles` the file holds: a call a lesser role may make names
    /// that role first, so that the more powerful token is presented only where the lesser one
    /// is not at hand (a token file from before the role existed, or another device's file).
    /// When it holds none, the problem names the first role.
    public static func token(for roles: [Role], at path: String) throws(Problem) -> String {
        let book = try book(at: path)
        for role in roles {
            if let token = book.token(for: role) { return token }
        }
        throw .lacks(path: path, holdings: book.holdings, role: roles[0])
    }
}
