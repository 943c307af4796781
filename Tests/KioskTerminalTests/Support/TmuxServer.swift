import Foundation
import KioskTestSupport

/// A private tmux server (its own socket name) for real-terminal tests: sessions of a fixed
/// size running a command, read back with `capture-pane`. `kill()` ends it all.
struct TmuxServer {
    let socket = "kiosk-test-\(UUID().uuidString.prefix(8))"

    static var isAvailable: Bool {
        (try? runCommand("tmux", ["-V"]).status) == 0
    }

    /// A detached session `name` of `width`×`height` running `command` via `sh -c`; the pane
    /// stays open after the command exits so its last words can be read.
    func start(_ name: String, width: Int, height: Int, command: String) throws {
        let status = spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
        guard status == 0 else { throw TmuxError(message: "tmux new-session failed (\(status))") }
        spawnAndWait(["tmux", "-L", socket, "set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// The pane's visible text.
    func capture(_ name: String) -> String {
        (try? runCommand("tmux", ["-L", socket, "capture-pane", "-p", "-t", name]).output) ?? ""
    }

    func sendKeys(_ name: String, _ keys: String) {
        spawnAndWait(["tmux", "-L", socket, "send-keys", "-t", name, keys])
    }

    func kill() {
        spawnAndWait(["tmux", "-L", socket, "kill-server"])
    }

    struct TmuxError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Quotes a word for `sh -c`.
func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
