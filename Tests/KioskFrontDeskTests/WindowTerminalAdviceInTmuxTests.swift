import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The window terminal's supervisor view in a real terminal (tmux) against a real daemon: a
/// paused window with a long line shows its advice, and the key beside it takes it.
@Suite(.serialized) struct WindowTerminalAdviceInTmuxTests {
    let dir = NSTemporaryDirectory() + "kiosk-advice-tmux-" + UUID().uuidString

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func theSupervisorSeesTheAdviceAndTakesItWithOneKey() async throws {
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00") { daemon, tmux in
            let supervisor = try daemon.token("supervisor"), kiosk = try daemon.token("kiosk")
            // Window 6 alone serves G: paused, with twelve waiting for it.
            #expect(try daemon.request("POST", "/v1/windows/6/pause", body: "{}", token: supervisor).status == 200)
            for _ in 0..<12 { #expect(try daemon.request("POST", "/v1/tickets", body: #"{"service":"G"}"#, token: kiosk).status == 201) }
            let advice = try daemon.request("GET", "/v1/advice", token: supervisor).json
            let ids = advice["advice"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            let index = try #require(ids.firstIndex(of: "resume:6"), "\(advice.serialized())")

            try tmux.start("window", width: 110, height: 48, command: shellCommand(
                [KioskBinary.url.path, "window", "2", "--supervisor", "--server", daemon.base, "--tokens", daemon.tokensPath], errorLog: dir + "/window.err"
            ))
            guard await tmux.waitFor("window", "the advice", { screen in
                screen.contains("调度建议 Staffing advice") && screen.contains("\(index + 1). 恢复6号窗口服务：最长等候") && screen.contains("[按 \(index + 1) 采纳 press \(index + 1)]")
            }) else { return }

            guard await tmux.press("window", String(index + 1), then: "采纳建议 advice taken: kiosk resume 6") else { return }
            #expect(try daemon.request("GET", "/v1/windows/6", token: supervisor).json["status"]?.stringValue == "open")
            // Refreshed: the advice is gone from the screen.
            _ = await tmux.waitFor("window", "the advice gone") { screen in
                screen.contains("调度建议 Staffing advice") && !screen.contains("恢复6号窗口服务")
            }
            let report = try daemon.request("GET", "/v1/reports?date=2026-03-02", token: supervisor).json
            #expect(report["advice"]?["taken"]?.intValue == 1, "\(report["advice"]?.serialized() ?? "")")
        }
    }
}
