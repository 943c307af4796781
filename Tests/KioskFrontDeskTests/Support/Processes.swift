import Foundation
import KioskCore
import KioskTestSupport

extension KioskBinary {
    /// This repository's root (for `layouts/`).
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }
}

/// Quotes a word for `sh -c`.
func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// `kiosk serve` on a temp data directory and a free port, its output in a log file.
final class Daemon {
    let dataDir: String
    let port: Int
    private var process: Process?

    init(dataDir: String) throws {
        self.dataDir = dataDir
        port = try freePort()
    }

    var base: String { "http://127.0.0.1:\(port)" }
    var tokensPath: String { dataDir + "/tokens.json" }
    var log: String { (try? String(contentsOfFile: dataDir + "/daemon.log", encoding: .utf8)) ?? "" }

    func start(at startAt: String, config: String? = nil) async throws {
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dataDir + "/daemon.log", contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dataDir + "/daemon.log"))
        let process = Process()
        process.executableURL = KioskBinary.url
        process.arguments = ["serve", "--data-dir", dataDir, "--port", String(port), "--start-at", startAt] + (config.map { ["--config", $0] } ?? [])
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        let base = self.base
        let up = await eventually(within: 15) {
            (try? runCommand("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/healthz"]).output) == "200"
        }
        guard up else { throw Failure("kiosk serve did not answer on \(base): \(log)") }
    }

    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    func token(_ path: String) throws -> String {
        var value = try JSONParser.parse(try String(contentsOfFile: tokensPath, encoding: .utf8)).value
        for key in path.split(separator: ".") { value = value[String(key)] ?? .null }
        guard let token = value.stringValue else { throw Failure("no token \(path)") }
        return token
    }

    /// `curl` a request; returns the status and the JSON body.
    func request(_ method: String, _ path: String, body: String? = nil, token: String? = nil) throws -> (status: Int, json: JSONValue) {
        var args = ["-s", "-w", "\n%{http_code}", "-X", method, base + path]
        if let token { args += ["-H", "Authorization: Bearer \(token)"] }
        if let body { args += ["-H", "Content-Type: application/json", "--data", body] }
        let output = try runCommand("curl", args).output
        let status = Int(output.split(separator: "\n").last ?? "") ?? 0
        let text = output.split(separator: "\n").dropLast().joined(separator: "\n")
        return (status, (try? JSONParser.parse(text).value) ?? .null)
    }
}

/// A private tmux server (its own socket), sessions of a fixed size; `kill()` ends it all.
struct Tmux {
    let socket = "kiosk-frontdesk-\(UUID().uuidString.prefix(8))"

    static var isAvailable: Bool { (try? runCommand("tmux", ["-V"]).status) == 0 }

    func start(_ name: String, width: Int = 100, height: Int = 30, command: String) throws {
        // The first new-session forks the tmux server. Foundation's Process learns that a child
        // exited when a socket it hands the child closes; a server that inherited it would keep
        // this call waiting for the server's whole life. So close every fd above 2 first.
        let closeAndExec = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done; exec "$@""#
        let result = try runCommand("bash", ["-c", closeAndExec, "bash", "tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                                      "-x", String(width), "-y", String(height), command,
                                      // In the same command queue, so a quick exit still leaves its last words readable.
                                      ";", "set-option", "-t", name, "remain-on-exit", "on"])
        guard result.status == 0 else { throw Failure("tmux new-session failed (\(result.status))") }
    }

    func capture(_ name: String) -> String {
        (try? runCommand("tmux", ["-L", socket, "capture-pane", "-p", "-t", name]).output) ?? ""
    }

    /// Types `keys` literally (`-l`), or a key name such as `Enter` when `literal` is false.
    func send(_ name: String, _ keys: String, literal: Bool = true) {
        _ = try? runCommand("tmux", ["-L", socket, "send-keys", "-t", name] + (literal ? ["-l", keys] : [keys]))
    }

    /// Ends every program (Ctrl-C, which each front end and the hall screen take as "quit"),
    /// then every session, then the server. `kill-server` alone leaves a server with live
    /// panes running here, and a pane's program may outlive its closed terminal.
    func kill() {
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

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
