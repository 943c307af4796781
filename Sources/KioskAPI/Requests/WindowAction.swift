import KioskCore

/// A clerk's one-word action on their window, with nothing in the body: its name is the last
/// segment of its route (`POST /v1/windows/{id}/recall`), the CLI's command name (`kiosk recall
/// 3`) and the window terminal's call. The one table the daemon's routes and every client read.
public enum WindowAction: String, Sendable, CaseIterable {
    case call, recall, start, finish, noshow, park, resume

    /// The engine command the action stands for at window `counter`.
    public func command(counter: CounterID) -> Command {
        switch self {
        case .call: .callNext(counter: counter)
        case .recall: .recall(counter: counter)
        case .start: .start(counter: counter)
        case .finish: .finish(counter: counter)
        case .noshow: .noShow(counter: counter)
        case .park: .park(counter: counter)
        case .resume: .resume(counter: counter)
        }
    }

    /// Its route for window `window`.
    public func path(window: String) -> String { Self.path(window: window, action: rawValue) }

    /// The route of any action on window `window`, those with a body too (`transfer`, `pause`…).
    public static func path(window: String, action: String) -> String { "/v1/windows/\(window)/\(action)" }
}
