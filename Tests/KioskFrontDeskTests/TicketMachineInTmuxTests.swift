import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Issue 14, point 9, in a real terminal against the real daemon: a service closed while the
/// citizen answers is said at the next key (not four screens later), the menu marks it, and
/// staff leave with 0, the PIN and Enter.
@Suite(.serialized) struct TicketMachineInTmuxTests {
    let dir = NSTemporaryDirectory() + "kiosk-ticket-machine-" + UUID().uuidString

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func aServiceClosedMidwayIsSaidAtOnceAndStaffLeaveWithThePIN() async throws {
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00") { daemon, tmux in
            let status = dir + "/machine.status"
            let words = [KioskBinary.url.path, "ticket-machine", "--server", daemon.base, "--tokens", daemon.tokensPath, "--exit-pin", "2468"]
            try tmux.start("kiosk", command: shellCommand(words, errorLog: dir + "/kiosk.err", then: "; echo $? > " + shellQuoted(status)))
            guard await tmux.waitFor("kiosk", "请选择业务", "失业登记/失业证") else { return }

            // 3 = 失业登记/失业证; while the citizen reads the documents a supervisor stops C.
            guard await tmux.press("kiosk", "3", then: "解除劳动合同书", "1  确认取号") else { return }
            #expect(try daemon.request("POST", "/v1/services/C/close", token: try daemon.token("supervisor")).status == 200)
            guard await tmux.press("kiosk", "1", then: "暂不能取号", "该业务今日已停止取号") else { return }
            #expect(!tmux.capture("kiosk").contains("是否优先办理"))
            guard await tmux.press("kiosk", "5", then: "请选择业务", "今日停止取号") else { return }
            let menu = tmux.capture("kiosk").split(separator: "\n")
            #expect(menu.contains { $0.contains("失业登记/失业证") && $0.contains("今日停止取号") && !$0.contains("无需等候") })

            // Staff: 0, a wrong PIN, then the right one; the machine gives the terminal back.
            guard await tmux.press("kiosk", "0", then: "输入退出密码") else { return }
            tmux.send("kiosk", "1111")
            guard await tmux.press("kiosk", "Enter", literal: false, then: "密码不对") else { return }
            tmux.send("kiosk", "2468")
            tmux.send("kiosk", "Enter", literal: false)
            let exited = await eventually(within: 15) {
                (try? String(contentsOfFile: status, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
            }
            #expect(exited, "\(tmux.capture("kiosk"))")
        }
    }
}
