import Foundation

/// A private tmux server (its own socket) for real-terminal tests: sessions of a fixed size
/// running a command, driven with send-keys and read with capture-pane; `kill()` ends it all.
public struct Tmux: Sendable {
    public let socket = "kiosk-test-\(UUID().uuidString.prefix(8))"

    public init() {}

    public static var isAvailable: Bool { (try? runCommand("tmux", ["-V"]).status) == 0 }

    public func start(_ name: String, width: Int = 100, height: Int = 30, command: String) throws {
        // The first new-session forks the tmux server. Foundation's Process learns that a child
        // exited when a socket it hands the child closes; a server that inherited it would keep
        // this call waiting for the server's whole life. So close every fd above 2 first.
        let closeAndExec = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done; exec "$@""#
        let result = try runCommand("bash", ["-c", closeAndExec, "bash", "tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                                      "-x", String(width), "-y", String(height), command,
                                      // In the same command queue, so a quick exit still leaves its last words readable.
                                      ";", "set-option", "-t", name, "remain-on-exit", "on"])
        guard result.status == 0 else { throw TmuxFailed(status: result.status) }
    }

    public func capture(_ name: String) -> String {
        (try? runCommand("tmux", ["-L", socket, "capture-pane", "-p", "-t", name]).output) ?? ""
    }

    /// Resizes the session's window to `width` x `height`, as a user dragging the terminal would.
    public func resize(_ name: String, width: Int, height: Int) {
        _ = try? runCommand("tmux", ["-L", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Types `keys` literally (`-l`), or a key name such as `Enter` when `literal` is false.
    public func send(_ name: String, _ keys: String, literal: Bool = true) {
        _ = try? runCommand("tmux", ["-L", socket, "send-keys", "-t", name] + (literal ? ["-l", keys] : [keys]))
    }

    /// Ends every program (Ctrl-C, which each front end and the hall screen take as "quit"),
    /// then every session, then the server. `kill-server` alone leaves a server with live
    /// panes running here, and a pane's program may outlive its closed terminal.
    public func kill() {
        let sessions = ((try? runCommand("tmux", ["-L", socket, "list-sessions", "-F", "#{session_name}"]).output) ?? "")
            .split(separator: "\n").map(String.init)
        for session in sessions { send(session, "C-c", literal: false) }
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            let dead = ((try? runCommand("tmux", ["-L", socket, "list-panes", "-a", "-F", "#{pane_dead}"]).output) ?? "")
                .split(separator: "\n").allSatisfy { $0 == "1" }
            if dead { break }
            usleep(50_000)
        }
        for session in sessions { _ = try? runCommand("tmux", ["-L", socket, "kill-session", "-t", session]) }
        _ = try? runCommand("tmux", ["-L", socket, "kill-server"])
    }
}

public struct TmuxFailed: Error, CustomStringConvertible {
    public var status: Int32
    public var description: String { "tmux new-session failed (\(status))" }
}
