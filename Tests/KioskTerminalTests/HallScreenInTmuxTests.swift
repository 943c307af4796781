import Foundation
import KioskTestSupport
import Testing

/// The hall screen in a real terminal: the built `kiosk serve` and `kiosk display` binaries,
/// tmux at 120×40 and 80×24, tickets issued and called through the API with curl.
@Suite(.serialized) struct HallScreenInTmuxTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func screensFollowCallsPausesAndADaemonRestart() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-tmux-" + UUID().uuidString
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00", port: try freePort()) { daemon, tmux in
            let kiosk = KioskBinary.url.path
            let announceLog = dir + "/announcements.log"
            func display(_ layout: String, extra: [String] = []) -> String {
                let words = [kiosk, "display", "--layout", Layouts.path(layout), "--server", daemon.base, "--tokens", dir + "/var/tokens.json"] + extra
                // Keep the pane's last words readable after an exit: the status, then wait.
                return shellCommand(words, errorLog: dir + "/display-\(layout).err", then: "; echo \"display exited $?\"; sleep 60")
            }
            try tmux.start("big", width: 120, height: 40, command: display("main-hall", extra: ["--announce-log", announceLog]))
            try tmux.start("small", width: 80, height: 24, command: display("small-80x24"))
            let screens = ["big", "small"]

            func waitForScreens(_ what: String, seconds: Double = 10, _ condition: @escaping (String) -> Bool) async {
                for screen in screens {
                    let ok = await eventually(within: seconds, every: .milliseconds(50)) { condition(tmux.capture(screen)) }
                    #expect(ok, "\(screen) screen never showed \(what):\n\(tmux.capture(screen))\n\((try? String(contentsOfFile: dir + "/display-\(screen == "big" ? "main-hall" : "small-80x24").err", encoding: .utf8)) ?? "")")
                }
            }
            func line(in text: String, with words: String...) -> Bool {
                text.split(separator: "\n").contains { row in words.allSatisfy { row.contains($0) } }
            }

            // The empty hall, live.
            await waitForScreens("the hall name") { $0.contains("连城县人社局") && !$0.contains("connecting") }

            // A001 taken at the kiosk and called to window 1.
            let kioskToken = try daemon.token("kiosk"), supervisor = try daemon.token("supervisor")
            #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: kioskToken) == 201)
            #expect(try daemon.post("/v1/windows/1/call", "{}", token: try daemon.token("windows.1")) == 200)
            await waitForScreens("A001 → 1号窗口") { line(in: $0, with: "A001", "1号窗口") }
            // The window's ticket and the call line come from two parts of one snapshot; a frame
            // drawn between the window's update and the call list's may show one without the other.
            #expect(await eventually(within: 5, every: .milliseconds(50)) { line(in: tmux.capture("big"), with: "请 A001 号 到 1号窗口 办理") },
                    "big screen never showed the call line:\n\(tmux.capture("big"))")
            #expect(await eventually(within: 5) {
                ((try? String(contentsOfFile: announceLog, encoding: .utf8)) ?? "").contains("请 A001 号 到 1 号窗口 办理")
            })

            // Window 2 pauses.
            #expect(try daemon.post("/v1/windows/2/pause", "{}", token: supervisor) == 200)
            await waitForScreens("2号窗口 暂停服务") { line(in: $0, with: "2号窗口", "暂停服务") }

            // The daemon dies: the screens keep the last picture and say they are reconnecting.
            daemon.kill()
            await waitForScreens("重新连接中 reconnecting") { $0.contains("重新连接中") && $0.contains("A001") }

            // Back on the same journal and port: the screens recover the calls and follow new ones.
            try await daemon.start(at: "2026-03-02 09:05")
            await waitForScreens("the calls again, live") { !$0.contains("重新连接中") && line(in: $0, with: "A001", "1号窗口") && line(in: $0, with: "2号窗口", "暂停服务") }
            #expect(try daemon.post("/v1/windows/2/resume", "{}", token: supervisor) == 200)
            #expect(try daemon.post("/v1/tickets", #"{"service":"B"}"#, token: kioskToken) == 201)
            #expect(try daemon.post("/v1/windows/2/call", "{}", token: supervisor) == 200)
            await waitForScreens("B001 → 2号窗口 after the restart") { line(in: $0, with: "B001", "2号窗口") }

            // Ctrl-C gives the terminal back: the hall screen is gone from the pane.
            tmux.send("big", "C-c", literal: false)
            let restored = await eventually(within: 10, every: .milliseconds(50)) {
                let text = tmux.capture("big")
                return text.contains("display exited") && !text.contains("A001")
            }
            #expect(restored, "after Ctrl-C:\n\(tmux.capture("big"))")
        }
    }
}
