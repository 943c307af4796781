import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Issue 16, part 1 in a real terminal: a running hall screen (`kiosk display` in tmux,
/// following a `kiosk serve` child) shows a new hall name, a renamed service and a new window
/// as soon as `kiosk config apply` puts them in force; no restart of either.
@Suite(.serialized) struct LiveConfigInTmuxTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func theHallScreenChangesAfterConfigApply() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-live-config-tmux-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try HallConfig.defaultHallJSON.write(toFile: dir + "/hall.json", atomically: true, encoding: .utf8)
        let daemon = DaemonProcess(dataDir: dir + "/var", port: try freePort())
        defer { daemon.stop() }
        try await daemon.start(at: "2026-03-02 09:00", config: dir + "/hall.json")

        let tmux = Tmux()
        defer { tmux.kill() }
        let words = [KioskBinary.url.path, "display", "--layout", Layouts.path("main-hall"), "--server", daemon.base, "--tokens", daemon.tokensPath]
        try tmux.start("hall", width: 120, height: 40, command: shellCommand(words, errorLog: dir + "/display.err", then: "; echo \"display exited $?\"; sleep 60"))
        func screenShows(_ what: String, _ condition: @escaping (String) -> Bool) async {
            let ok = await eventually(within: 10, every: .milliseconds(50)) { condition(tmux.capture("hall")) }
            #expect(ok, "the hall screen never showed \(what):\n\(tmux.capture("hall"))\n\((try? String(contentsOfFile: dir + "/display.err", encoding: .utf8)) ?? "")")
        }
        func line(in text: String, with words: String...) -> Bool {
            text.split(separator: "\n").contains { row in words.allSatisfy { row.contains($0) } }
        }
        await screenShows("the hall as started") { $0.contains("连城县人社局综合服务大厅") && $0.contains("失业登记/失业证") && !$0.contains("综合窗口") }

        // The IT person's new file: a new name, C renamed, window 9 for A and C.
        var new = HallConfig.defaultHall
        new.name = "连城县便民服务中心"
        let c = try #require(new.services.firstIndex { $0.code == "C" })
        new.services[c].name = "失业保险金申领"
        new.counters.append(CounterConfig(id: "9", name: "综合窗口", services: ["A", "C"]))
        try new.jsonValue(withGateway: true).serialized().write(toFile: dir + "/new.json", atomically: true, encoding: .utf8)
        let apply = try await runKiosk(["config", "apply", dir + "/new.json", "--server", daemon.base, "--token-file", daemon.tokensPath])
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("hall.name: 连城县人社局综合服务大厅 → 连城县便民服务中心"), "\(apply.stdout)")
        #expect(apply.stdout.contains("window 9 added: 综合窗口 (A, C)") && apply.stdout.contains("kiosk tokens issue --window 9"), "\(apply.stdout)")

        await screenShows("the new name, service and window") {
            $0.contains("连城县便民服务中心") && !$0.contains("连城县人社局综合服务大厅") && $0.contains("失业保险金申领") && line(in: $0, with: "综合窗口", "空闲")
        }

        // The new window works at once with its own token, and the screen follows its call.
        #expect(try daemon.post("/v1/tickets", #"{"service":"C"}"#, token: try daemon.token("kiosk")) == 201)
        #expect(try daemon.post("/v1/windows/9/call", "{}", token: try daemon.token("windows.9")) == 200)
        await screenShows("C001 called to the new window") { line(in: $0, with: "C001", "综合窗口") }

        // Going back to the old file would remove window 9 while C001 is there: refused, and
        // the screen keeps the hall that runs.
        let back = try await runKiosk(["config", "apply", dir + "/hall.json", "--server", daemon.base, "--token-file", daemon.tokensPath])
        #expect(back.status == 3 && back.stderr.contains("window_has_tickets") && back.stderr.contains("C001"), "\(back.status) \(back.stderr)")
        #expect(tmux.capture("hall").contains("连城县便民服务中心"))
    }
}
