import KioskCore
import KioskServer

/// Who sends a request: nobody, somebody with a made-up token, or one of the hall's roles.
enum Caller: Sendable, Hashable, CustomStringConvertible {
    case anonymous
    case badToken
    case kiosk, supervisor, display, admin, booking
    case window(CounterID)

    /// Every caller that holds a real token in a hall whose windows are `windows`.
    static func roles(windows: [CounterID]) -> [Caller] {
        [.kiosk, .supervisor, .display, .admin, .booking] + windows.map { .window($0) }
    }

    func token(in tokens: AccessTokens) -> String? {
        switch self {
        case .anonymous: return nil
        // Same length as the real ones, one character off the kiosk's: a near miss.
        case .badToken: return String(tokens.kiosk.dropLast()) + (tokens.kiosk.hasSuffix("x") ? "y" : "x")
        case .kiosk: return tokens.kiosk
        case .supervisor: return tokens.supervisor
        case .display: return tokens.display
        case .admin: return tokens.admin
        case .booking: return tokens.booking
        case let .window(id): return tokens.windows[id]
        }
    }

    var description: String {
        switch self {
        case .anonymous: return "anonymous"
        case .badToken: return "bad-token"
        case .kiosk: return "kiosk"
        case .supervisor: return "supervisor"
        case .display: return "display"
        case .admin: return "admin"
        case .booking: return "booking"
        case let .window(id): return "window-\(id)"
        }
    }
}
