import Foundation
import KioskCore

/// The bearer tokens a front end presents, read from a token file: the daemon's `tokens.json`
/// or the device's own (`kiosk tokens issue`). No fallback: a window without its own token does
/// not quietly act with the supervisor's.
public struct FrontDeskTokens: Sendable, Equatable {
    public var kiosk: String?
    public var supervisor: String?
    public var windows: [String: String]

    public init(kiosk: String? = nil, supervisor: String? = nil, windows: [String: String] = [:]) {
        self.kiosk = kiosk
        self.supervisor = supervisor
        self.windows = windows
    }

    /// Parses either shape of token file; roles it does not hold stay nil.
    public init(json text: String) throws {
        self.init(book: try TokenBook.parse(text))
    }

    public init(book: TokenBook) {
        kiosk = book.token(for: .kiosk)
        supervisor = book.token(for: .supervisor)
        var windows: [String: String] = [:]
        for case let (.window(id), token) in book.tokens { windows[id] = token }
        self.windows = windows
    }

    /// Reads `path`; a missing or unreadable file gives no tokens (the daemon will then say 401).
    public static func load(path: String) -> FrontDeskTokens {
        (try? read(path: path)) ?? FrontDeskTokens()
    }

    /// Reads `path`, saying why when it cannot.
    public static func read(path: String) throws -> FrontDeskTokens {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TokenBook.ParseError(description: "cannot read the token file \(path)")
        }
        do {
            return try FrontDeskTokens(json: text)
        } catch {
            throw TokenBook.ParseError(description: "\(path): \(error)")
        }
    }

    /// The token for window `id`: its own only.
    public func window(_ id: String) -> String? { windows[id] }
}
