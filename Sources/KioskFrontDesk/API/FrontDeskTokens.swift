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

    public init(book: TokenBook) {
        kiosk = book.token(for: .kiosk)
        supervisor = book.token(for: .supervisor)
        var windows: [String: String] = [:]
        for case let (.window(id), token) in book.tokens { windows[id] = token }
        self.windows = windows
    }

    /// Reads `path`, saying why when it cannot.
    public static func read(path: String) throws(TokenFileReader.Problem) -> FrontDeskTokens {
        FrontDeskTokens(book: try TokenFileReader.book(at: path))
    }

    /// The token for window `id`: its own only.
    public func window(_ id: String) -> String? { windows[id] }
}
