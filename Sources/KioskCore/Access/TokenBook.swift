/// The tokens a client holds, read from a token file: the daemon's full `tokens.json` (every
/// role, `windows` by id) or one device's own file (`kiosk tokens issue`: one role, one token).
///
/// There is no fallback: asking for a role the file does not hold gives nil, never another
/// role's token (a window PC must not quietly act with the supervisor's).
public struct TokenBook: Sendable, Equatable {
    /// The format marker of a device's own file.
    public static let deviceFormat = "kiosk-device-token/1"

    public private(set) var tokens: [Role: String]
    /// True for one device's own file.
    public private(set) var isDeviceFile: Bool

    public init(tokens: [Role: String], isDeviceFile: Bool) {
        self.tokens = tokens
        self.isDeviceFile = isDeviceFile
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Parses either shape. A device file: `{"format":"kiosk-device-token/1","role":"window",
    /// "window":"3","token":"…"}`; the full file: `{"kiosk":"…","supervisor":"…","display":"…",
    /// "admin":"…","windows":{"1":"…"}}` (any role may be missing).
    public static func parse(_ text: String) throws -> TokenBook {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text).value
        } catch {
            throw ParseError(description: "not JSON: \(error)")
        }
        guard case .object = value else { throw ParseError(description: "expected a JSON object") }
        if let format = value["format"]?.stringValue {
            guard format == deviceFormat else { throw ParseError(description: "unknown token file format \"\(format.prefix(40))\"") }
            guard let token = value["token"]?.stringValue, isPlausibleToken(token) else {
                throw ParseError(description: "\"token\" must be a token of 16–256 visible characters")
            }
            let role: Role
            switch value["role"]?.stringValue {
            case "window"?:
                guard let id = value["window"]?.stringValue, !id.isEmpty, id.count <= 8 else {
                    throw ParseError(description: "a window's token file needs \"window\" (its id)")
                }
                role = .window(id)
            case let name?:
                guard let named = Role.named[name] else { throw ParseError(description: "unknown role \"\(name.prefix(20))\"") }
                role = named
            case nil:
                throw ParseError(description: "a device token file needs \"role\"")
            }
            return TokenBook(tokens: [role: token], isDeviceFile: true)
        }
        var tokens: [Role: String] = [:]
        for (name, role) in Role.named {
            if let token = value[name]?.stringValue, isPlausibleToken(token) { tokens[role] = token }
        }
        if case let .object(members)? = value["windows"] {
            for (id, token) in members {
                if let token = token.stringValue, isPlausibleToken(token) { tokens[.window(id)] = token }
            }
        }
        return TokenBook(tokens: tokens, isDeviceFile: false)
    }

    /// The token for `role`, if the file holds it (no other role's).
    public func token(for role: Role) -> String? { tokens[role] }

    /// What the file holds, for an error message: "window 3's token", "every role's tokens".
    public var holdings: String {
        if isDeviceFile, let role = tokens.keys.first { return "only the \(role.auditName) token" }
        let names = tokens.keys.map(\.auditName).sorted()
        return names.isEmpty ? "no tokens" : "tokens for " + names.joined(separator: ", ")
    }

    /// The device file for one role's token (what `kiosk tokens issue` writes).
    public static func deviceFile(role: Role, token: String) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("format", .string(deviceFormat)), ("role", .string(role.key))]
        if case let .window(id) = role { members.append(("window", .string(id))) }
        members.append(("token", .string(token)))
        return .object(members)
    }

    static func isPlausibleToken(_ token: String) -> Bool {
        (16...256).contains(token.utf8.count) && token.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
