import Foundation
import KioskCore

/// The bearer tokens a front end presents, read from the daemon's `tokens.json`.
public struct FrontDeskTokens: Sendable, Equatable {
    public var kiosk: String?
    public var supervisor: String?
    public var windows: [String: String]

    public init(kiosk: String? = nil, supervisor: String? = nil, windows: [String: String] = [:]) {
        self.kiosk = kiosk
        self.supervisor = supervisor
        self.windows = windows
    }

    /// Parses the file's JSON; missing roles stay nil.
    public init(json text: String) throws {
        let value = try JSONParser.parse(text).value
        kiosk = value["kiosk"]?.stringValue
        supervisor = value["supervisor"]?.stringValue
        var windows: [String: String] = [:]
        if case let .object(members)? = value["windows"] {
            for (id, token) in members { windows[id] = token.stringValue }
        }
        self.windows = windows
    }

    /// Reads `path`; a missing or unreadable file gives no tokens (the daemon will then say 401).
    public static func load(path: String) -> FrontDeskTokens {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let tokens = try? FrontDeskTokens(json: text) else {
            return FrontDeskTokens()
        }
        return tokens
    }

    /// The token for window `id`: its own, else the supervisor's.
    public func window(_ id: String) -> String? { windows[id] ?? supervisor }
}
