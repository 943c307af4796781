/// What a caller is: one bearer token per role, and one per window (a clerk's token only acts
/// on its own window).
public enum Role: Sendable, Hashable {
    case kiosk, supervisor, display, admin
    /// An online booking system (网上预约): books and cancels appointments, nothing else.
    case booking
    case window(CounterID)

    /// The name recorded in audited events and shown in token lists (`window 3`).
    public var auditName: String {
        switch self {
        case .kiosk: return "kiosk"
        case .supervisor: return "supervisor"
        case .display: return "display"
        case .admin: return "admin"
        case .booking: return "booking"
        case let .window(id): return "window \(id)"
        }
    }

    /// The roles that are not windows, by their name in token files and on the command line.
    public static let named: [String: Role] = ["kiosk": .kiosk, "supervisor": .supervisor, "display": .display, "admin": .admin, "booking": .booking]

    /// The role's key in a token file (`kiosk`, …; `window` for every window).
    public var key: String {
        switch self {
        case .window: return "window"
        default: return auditName
        }
    }
}
