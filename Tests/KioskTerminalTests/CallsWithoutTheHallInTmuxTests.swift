import Foundation
import KioskTestSupport
import Synchronization
import Testing

/// Calls reach the hall screen on the event stream and are drawn from the event: the built
/// `kiosk serve` and `kiosk display` in tmux, each screen behind a relay that lets the event
/// stream through but refuses (503) or holds every `GET /v1/hall`. The call still shows.
@Suite(.serialized) struct CallsWithoutTheHallInTmuxTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func aCallShowsWhenTheHallCannotBeRead() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-tmux-nohall-" + UUID().uuidString
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00", port: try freePort()) { daemon, tmux in
            let refusing = try HallReadBlockingProxy(upstreamPort: daemon.port, mode: .refuse)
            let holding = try HallReadBlockingProxy(upstreamPort: daemon.port, mode: .hold)
            defer {
                refusing.close()
                holding.close()
            }
            let proxies = ["refused": refusing, "held": holding]
            for (name, proxy) in proxies {
                let words = [KioskBinary.url.path, "display", "--layout", Layouts.path("main-hall"), "--server", "http://127.0.0.1:\(proxy.port)",
                             "--tokens", dir + "/var/tokens.json"]
                try tmux.start(name, width: 120, height: 40, command: shellCommand(words, errorLog: dir + "/display-\(name).err", then: "; sleep 60"))
            }
            // Neither screen can read the hall: they say so.
            for name in proxies.keys {
                let connecting = await eventually(within: 10, every: .milliseconds(50)) { tmux.capture(name).contains("正在连接") }
                #expect(connecting, "\(name):\n\(tmux.capture(name))")
            }

            #expect(try daemon.post("/v1/tickets", #"{"service":"B"}"#, token: try daemon.token("kiosk")) == 201)
            #expect(try daemon.post("/v1/windows/2/call", "{}", token: try daemon.token("supervisor")) == 200)
            for (name, proxy) in proxies {
                let shown = await eventually(within: 10, every: .milliseconds(50)) {
                    tmux.capture(name).split(separator: "\n").contains { $0.contains("B001") && $0.contains("2号窗口") }
                }
                #expect(shown, "\(name) screen never showed B001 → 2号窗口:\n\(tmux.capture(name))")
                #expect(proxy.blocked.load(ordering: .relaxed) > 0, "\(name): the screen did try to read the hall")
                // Still not live: the rest of the screen is not known.
                #expect(tmux.capture(name).contains("正在连接"))
            }
        }
    }
}
