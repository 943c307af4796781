import Foundation
import KioskTestSupport
import Testing

/// `kiosk demo` — what a newcomer sees first — in a real terminal: simulated citizens take
/// tickets, clerks call them, and the hall screen follows.
@Suite(.serialized) struct DemoInTmuxTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func demoScreenShowsCallsMoving() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-demo-tmux-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = Tmux()
        defer { tmux.kill() }
        let words = [KioskBinary.url.path, "demo", "--speed", "240", "--start-at", "08:58", "--data-dir", dir, "--layout", Layouts.path("main-hall")]
        try tmux.start("demo", width: 120, height: 40, command: shellCommand(words, then: "; echo \"demo exited $?\"; sleep 60"))

        // Calls appear in the recent-calls list (newest first) …
        func calls(_ screen: String) -> [String] {
            screen.split(separator: "\n").compactMap { row in
                guard let arrow = row.range(of: " → ") else { return nil }
                return row[..<arrow.lowerBound].split(separator: " ").last.map(String.init)
            }
        }
        var first: [String] = []
        #expect(await eventually(within: 30, every: .milliseconds(100)) {
            first = calls(tmux.capture("demo"))
            return !first.isEmpty
        }, "no call ever showed:\n\(tmux.capture("demo"))")
        // … and keep moving: a later screen has called a ticket the first one had not.
        #expect(await eventually(within: 30, every: .milliseconds(200)) {
            !Set(calls(tmux.capture("demo"))).subtracting(first).isEmpty
        }, "calls did not move:\n\(tmux.capture("demo"))")
        #expect(tmux.capture("demo").contains("连城县人社局综合服务大厅"))

        // Ctrl-C ends the demo cleanly and says where its journal and SMS log are.
        tmux.send("demo", "C-c", literal: false)
        #expect(await eventually(within: 15, every: .milliseconds(100)) { tmux.capture("demo").contains("demo exited 0") },
                "\(tmux.capture("demo"))")
        #expect(tmux.capture("demo").contains("demo journal:"))
        #expect(FileManager.default.fileExists(atPath: dir + "/journal.sqlite"))
    }
}
