import Foundation
import KioskTestSupport
import Testing

/// The real window terminal (`kiosk window 2` in tmux) pointed at a server that turns hostile
/// and back: the clerk sees why the daemon cannot be reached, the terminal never dies, and it
/// shows the window again once the good server is back.
@Suite(.serialized) struct WindowTerminalAgainstHostileServerTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func theWindowTerminalSurvivesAHostileServerAndRecovers() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-hostile-window-" + UUID().uuidString
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00") { daemon, tmux in
            let server = try HostileServer(.relay(port: daemon.port))
            defer { server.close() }
            let exited = dir + "/window.status"
            try tmux.start("window", command: shellCommand(
                [KioskBinary.url.path, "window", "2", "--server", server.base, "--tokens", daemon.tokensPath],
                errorLog: dir + "/window.err") + "; echo $? > " + shellQuoted(exited))

            func waitFor(_ what: String, seconds: Double = 20, _ condition: @escaping (String) -> Bool) async -> Bool {
                let ok = await eventually(within: seconds, every: .milliseconds(100)) { condition(tmux.capture("window")) }
                #expect(ok, "the window terminal never showed \(what):\n\(tmux.capture("window"))")
                #expect(!FileManager.default.fileExists(atPath: exited), "the window terminal exited: \((try? String(contentsOfFile: dir + "/window.err", encoding: .utf8)) ?? "")")
                return ok
            }
            let live: (String) -> Bool = { $0.contains("2号窗口") && $0.contains("等候本窗口") && !$0.contains("Cannot reach") && !$0.contains("bad_answer") }
            guard await waitFor("window 2", live) else { return }

            let hostile: [(String, HostileServer.Behaviour, String)] = [
                ("a 10 MB answer", .oversized(bytes: 10 << 20), "larger than 1048576 bytes"),
                ("bytes that are not HTTP", .garbage, "连不上服务器 Cannot reach the daemon"),
                ("silence", .silent, "连不上服务器 Cannot reach the daemon"),
                ("an answer that is not the API's", .answers { _ in (HostileServer.answer(200, "application/json", #"{"id":"2","waiting":1e999}"#), false) },
                 "应答格式不符"),
            ]
            for (name, behaviour, shown) in hostile {
                server.become(behaviour)
                guard await waitFor("\(shown) with \(name)", { $0.contains(shown) }) else { return }
                server.become(.relay(port: daemon.port))
                guard await waitFor("window 2 again after \(name)", live) else { return }
            }

            // A window whose names carry escape sequences and whose numbers are out of range: drawn,
            // the escapes as plain text.
            let window = #"{"id":"2","name":"2号窗口\u001b[2J\u001b]0;pwned\u0007","services":["A"],"status":"open","current":null,"waiting":-7,"covering":[],"parked":[],"rating":null}"#
            server.become(.answers { _ in (HostileServer.answer(200, "application/json", window), false) })
            guard await waitFor("the escapes as plain text", { $0.contains("2号窗口[2J]0;pwned") }) else { return }
            server.become(.relay(port: daemon.port))
            _ = await waitFor("window 2 again", live)
        }
    }
}
