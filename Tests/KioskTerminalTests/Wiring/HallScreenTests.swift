import Foundation
import KioskDisplay
import KioskTerminal
import KioskTestSupport
import Testing

/// `HallScreen`, the wiring `kiosk display`, `kiosk serve --display` and `kiosk demo` share:
/// a real daemon (`kiosk serve`), the screen drawing into a recording terminal, the voice
/// writing its announcement log.
@Suite(.serialized, .timeLimit(.minutes(2))) struct HallScreenTests {
    @Test(.enabled(if: KioskBinary.exists, "the kiosk binary is not built"))
    func followsTheDaemonDrawsEachCallAndAnnouncesIt() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-hall-screen-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let daemon = DaemonProcess(dataDir: dir + "/var", port: try freePort())
        defer { daemon.stop() }
        try await daemon.start(at: "2026-03-02 09:00")

        let layout = try Layouts.load("main-hall")
        let terminal = RecordingTerminal(size: layout.canvas)
        let announceLog = dir + "/announcements.log"
        let screen = HallScreen(
            layout: layout, address: ServerAddress(host: "127.0.0.1", port: daemon.port), token: try daemon.token("display"),
            announceLog: announceLog, repeats: 1
        )
        let drawing = Task { await screen.run(on: terminal) }
        #expect(await eventually(within: 10) { text(terminal).contains("连城县人社局") })

        #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: try daemon.token("kiosk")) == 201)
        #expect(try daemon.post("/v1/windows/1/call", "{}", token: try daemon.token("windows.1")) == 200)
        #expect(await eventually(within: 10) { text(terminal).contains("A001") })
        #expect(await eventually(within: 10) {
            ((try? String(contentsOfFile: announceLog, encoding: .utf8)) ?? "").contains("请 A001 号 到 1 号窗口 办理")
        })

        drawing.cancel()
        await drawing.value
        #expect(!terminal.isEntered, "the terminal is given back when the screen stops")
    }

    /// What was written, without the escape sequences between the runs of text.
    func text(_ terminal: RecordingTerminal) -> String {
        terminal.writes.joined().replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    }
}
