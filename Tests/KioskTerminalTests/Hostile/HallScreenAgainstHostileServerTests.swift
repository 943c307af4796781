import Foundation
import KioskTestSupport
import Testing

/// The real hall screen (`kiosk display` in tmux) pointed at a server that turns hostile and
/// back: a relay to a real daemon, then a 10 MB snapshot with an endless event-stream line, bytes
/// that are not HTTP, silence, and answers full of escape sequences and impossible numbers. The
/// screen says it is reconnecting (or draws what it can, cleaned), never dies, and is live again
/// as soon as the good server is back.
@Suite(.serialized) struct HallScreenAgainstHostileServerTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func theHallScreenSurvivesAHostileServerAndRecovers() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-hostile-hall-" + UUID().uuidString
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00", port: try freePort()) { daemon, tmux in
            let server = try HostileServer(.relay(port: daemon.port))
            defer { server.close() }
            let exited = dir + "/display.status"
            try tmux.start("hall", width: 120, height: 40, command: shellCommand(
                [KioskBinary.url.path, "display", "--layout", Layouts.path("main-hall"), "--server", server.base, "--tokens", daemon.tokensPath],
                errorLog: dir + "/display.err", then: "; echo $? > \(shellQuoted(exited)); sleep 60"))

            func waitFor(_ what: String, seconds: Double = 15, _ condition: @escaping (String) -> Bool) async -> Bool {
                let ok = await eventually(within: seconds, every: .milliseconds(100)) { condition(tmux.capture("hall")) }
                #expect(ok, "the hall screen never showed \(what):\n\(tmux.capture("hall"))")
                #expect(!FileManager.default.fileExists(atPath: exited), "the hall screen exited: \((try? String(contentsOfFile: dir + "/display.err", encoding: .utf8)) ?? "")")
                return ok
            }
            let live: (String) -> Bool = { $0.contains("连城县人社局") && !$0.contains("reconnecting") && !$0.contains("connecting") }
            guard await waitFor("the hall, live", live) else { return }

            let hostile: [(String, HostileServer.Behaviour)] = [
                ("a 10 MB snapshot and an endless stream line", .oversized(bytes: 10 << 20)),
                ("bytes that are not HTTP", .garbage),
                ("silence", .silent),
                ("an answer that is not the API's", .answers { path in
                    path.hasPrefix("/v1/events")
                        ? (Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n: heartbeat\n\n".utf8), true)
                        : (HostileServer.answer(200, "application/json", #"{"hall":{"name":7},"windows":"x"}"#), false)
                }),
            ]
            for (name, behaviour) in hostile {
                server.become(behaviour)
                guard await waitFor("重新连接中 with \(name)", { $0.contains("重新连接中 reconnecting") }) else { return }
                server.become(.relay(port: daemon.port))
                guard await waitFor("the hall live again after \(name)", live) else { return }
            }

            // Answers that parse, full of what must never reach a terminal or trap: an escape
            // sequence that would clear the screen and retitle the window, an estimate of 1e300, a
            // year past Int.max.
            let snapshot = #"""
            {"hall":{"name":"恶意\u001b[2J\u001b]0;pwned\u0007大厅","name_en":"","notice":"\r\nNOTICE","date":"9223372036854775807-03-02","clock":"09:41","issuing":true},
             "windows":[{"id":"1","name":"1号窗口\u001b[31m","services":["A"],"status":"open","current":null,"waiting":-5,"covering":[],"parked":[],"rating":null}],
             "services":[{"code":"A","name":"求职登记","name_en":"","documents":[],"waiting":99999,"status":"open","estimate_min":1e300}],
             "calls":[]}
            """#
            server.become(.answers { path in
                path.hasPrefix("/v1/events")
                    ? (Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nretry: 500\n\n: heartbeat\n\n".utf8), true)
                    : (HostileServer.answer(200, "application/json", snapshot), false)
            })
            guard await waitFor("the hostile hall drawn, its escapes as plain text", { screen in
                screen.contains("恶意[2J]0;pwned大厅") && screen.contains("9223372036854775807-03-02") && !screen.contains("reconnecting")
            }) else { return }
            server.become(.relay(port: daemon.port))
            _ = await waitFor("the real hall again", live)
        }
    }
}
