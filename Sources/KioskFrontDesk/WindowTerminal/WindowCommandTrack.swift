import Foundation

/// What the window terminal and the reviewer's terminal keep alike: the window as last seen,
/// one command on its way at a time (so no double call), and what became of the last one.
public struct WindowCommandTrack: Sendable, Equatable {
    public internal(set) var view: WindowView?
    public internal(set) var outcome: WindowTerminal.Outcome?
    /// A command is on its way: further commands wait.
    public private(set) var busy = false
    /// The outcome shown is a refresh's refusal (no command of the clerk's).
    private var refreshRefused = false

    /// `[.send(request)]`, unless a command is already on its way.
    mutating func send(_ request: WindowTerminal.Request) -> [WindowTerminal.Effect] {
        guard !busy else { return [] }
        busy = true
        outcome = nil
        return [.send(request)]
    }

    /// Takes the daemon's answer to a refresh or a command; nil when `input` is neither.
    mutating func answer(_ input: WindowTerminal.Input) -> [WindowTerminal.Effect]? {
        switch input {
        case let .view(view):
            self.view = view
            // A good answer ends what a failed refresh said (the daemon was unreachable, or its
            // answer made no sense); a refused command stays until the clerk's next key.
            if case .problem = outcome { outcome = nil }
            if refreshRefused { outcome = nil }
            refreshRefused = false
            return []
        case let .done(request, view):
            busy = false
            if let view { self.view = view }
            outcome = .done(request.label)
            return view == nil ? [.refresh] : []
        case let .refused(request, code, message):
            busy = false
            outcome = .refused(code: code, message: message)
            refreshRefused = request == nil
            // A refused refresh asks again at the next tick, not at once (no loop on a bad answer).
            return request == nil ? [] : [.refresh]
        case let .unreachable(why):
            busy = false
            outcome = .problem("连不上服务器 Cannot reach the daemon: \(why)")
            return []
        case .key, .tick, .services, .advice:
            return nil
        }
    }
}
