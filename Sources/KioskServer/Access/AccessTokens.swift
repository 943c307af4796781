import Foundation
import KioskCore

/// Who may do what: one bearer token per role, and one per window (a clerk's token only acts
/// on its own window). Loaded from a JSON file kept outside the hall config (secrets).
public struct AccessTokens: Sendable, Equatable {
    public var kiosk: String
    public var supervisor: String
    public var display: String
    public var admin: String
    /// The online booking system's token (预约): nil in a token file written before there was
    /// one, until `kiosk tokens rotate booking` gives it one.
    public var booking: String?
    /// Window id → that window's clerk token.
    public var windows: [CounterID: String]

    public init(kiosk: String, supervisor: String, display: String, admin: String, booking: String? = nil, windows: [CounterID: String]) {
        self.booking = booking
        self.kiosk = kiosk
        self.supervisor = supervisor
        self.display = display
        self.admin = admin
        self.windows = windows
    }

    /// Fresh random tokens for every role and window of `config`.
    public static func generate(for config: HallConfig) -> AccessTokens {
        AccessTokens(
            kiosk: newToken(), supervisor: newToken(), display: newToken(), admin: newToken(), booking: newToken(),
            windows: Dictionary(uniqueKeysWithValues: config.counters.map { ($0.id, newToken()) })
        )
    }

    /// A fresh random token: 24 bytes from the system's random source, in hex.
    public static func newToken() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    /// The token of `role`, if there is one (a window not in the file has none).
    public func token(for role: Role) -> String? {
        switch role {
        case .kiosk: return kiosk
        case .supervisor: return supervisor
        case .display: return display
        case .admin: return admin
        case .booking: return booking
        case let .window(id): return windows[id]
        }
    }

    /// Gives `role` a fresh token (a window gets one even if it had none) and returns it.
    @discardableResult
    public mutating func rotate(_ role: Role) -> String {
        let token = Self.newToken()
        switch role {
        case .kiosk: kiosk = token
        case .supervisor: supervisor = token
        case .display: display = token
        case .admin: admin = token
        case .booking: booking = token
        case let .window(id): windows[id] = token
        }
        return token
    }

    /// Gives every window of `config` that has no token one; returns their ids.
    public mutating func addMissingWindows(of config: HallConfig) -> [CounterID] {
        var added: [CounterID] = []
        for counter in config.counters where windows[counter.id] == nil {
            windows[counter.id] = Self.newToken()
            added.append(counter.id)
        }
        return added
    }

    /// Every role that has a token, windows by id.
    public var roles: [Role] {
        [.kiosk, .supervisor, .display, .admin] + (booking == nil ? [] : [.booking]) + windows.keys.sorted { ($0.count, $0) < ($1.count, $1) }.map { .window($0) }
    }

    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("kiosk", .string(kiosk)), ("supervisor", .string(supervisor)), ("display", .string(display)), ("admin", .string(admin)),
        ]
        if let booking { members.append(("booking", .string(booking))) }
        members.append(("windows", .object(windows.sorted { $0.key < $1.key }.map { (key: $0.key, value: .string($0.value)) })))
        return .object(members)
    }

    public static func load(json text: String) throws -> AccessTokens {
        let value = try JSONParser.parse(text).value
        func token(_ key: String) throws -> String {
            guard let s = value[key]?.stringValue, s.utf8.count >= 16 else {
                throw TokenFileError(message: "\"\(key)\" must be a token of at least 16 characters")
            }
            return s
        }
        var windows: [CounterID: String] = [:]
        if case let .object(members)? = value["windows"] {
            for (id, v) in members {
                guard let s = v.stringValue, s.utf8.count >= 16 else { throw TokenFileError(message: "windows.\(id) must be a token of at least 16 characters") }
                windows[id] = s
            }
        }
        let booking = value["booking"] == nil ? nil : try token("booking")
        return AccessTokens(
            kiosk: try token("kiosk"), supervisor: try token("supervisor"), display: try token("display"), admin: try token("admin"), booking: booking,
            windows: windows
        )
    }

    /// The role a presented token grants, compared in constant time so response timing does
    /// not reveal how much of a guess was right.
    public func role(for presented: String) -> Role? {
        var found: Role?
        let candidates: [(String, Role)] = [(kiosk, .kiosk), (supervisor, .supervisor), (display, .display), (admin, .admin)]
            + (booking.map { [($0, Role.booking)] } ?? [])
            + windows.sorted { $0.key < $1.key }.map { ($0.value, .window($0.key)) }
        for (token, role) in candidates where Self.constantTimeEqual(token, presented) && found == nil {
            found = role
        }
        return found
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}

public struct TokenFileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "token file: \(message)" }
}
