import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// 查看办事指南 in a real terminal against the real daemon: the guide is fetched, paged, and a
/// ticket taken from it lists the materials with 原件/复印件 and counts.
@Suite(.serialized) struct TicketMachineGuideInTmuxTests {
    let dir = NSTemporaryDirectory() + "kiosk-ticket-machine-guide-" + UUID().uuidString

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func aCitizenReadsTheGuideThenTakesATicket() async throws {
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00") { daemon, tmux in
            let words = [KioskBinary.url.path, "ticket-machine", "--server", daemon.base, "--tokens", daemon.tokensPath]
            try tmux.start("kiosk", width: 80, height: 24, command: shellCommand(words, errorLog: dir + "/kiosk.err"))
            guard await tmux.waitFor("kiosk", "请选择业务", "退休审批") else { return }
            // 11 = 退休审批 (two keys: no longer number can follow).
            guard await tmux.press("kiosk", "11", then: "个人档案", "2  查看办事指南") else { return }
            guard await tmux.press("kiosk", "2", then: "办事指南 Service guide", "第 1/", "2 下一页") else { return }
            // Page on until the materials show, original and copy with counts.
            var found = false
            for _ in 0..<6 where !found {
                found = tmux.capture("kiosk").contains("身份证 原件及复印件各1份")
                if !found {
                    tmux.send("kiosk", "2")
                    _ = await eventually(within: 3) { tmux.capture("kiosk").contains("8 上一页") }
                }
            }
            #expect(found, "never showed the materials:\n\(tmux.capture("kiosk"))")
            guard await tmux.press("kiosk", "1", then: "是否优先办理") else { return }
            guard await tmux.press("kiosk", "1", then: "需要短信提醒吗") else { return }
            guard await tmux.press("kiosk", "0", then: "个人档案 原件1份(可由本局代查)", "户口簿 原件及复印件各1份") else { return }
        }
    }
}
