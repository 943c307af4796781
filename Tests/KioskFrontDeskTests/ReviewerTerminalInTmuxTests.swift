import Foundation
import KioskTestSupport
import KioskCore
import Testing
@testable import KioskFrontDesk

/// 即审 in a real terminal: the built `kiosk window 9 --review` in tmux, against a real daemon
/// process; the clerk's window (the window terminal in tmux too) hands cases over with `v`.
@Suite(.serialized) struct ReviewerTerminalInTmuxTests {
    let dir = NSTemporaryDirectory() + "kiosk-reviewer-" + UUID().uuidString

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func theReviewerTakesApprovesAndReturnsCasesTheClerkHandsOver() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let config = dir + "/hall.json"
        try #"""
        {
          "hall": {"name": "测试大厅", "name_en": "Test hall", "time_zone": "Asia/Shanghai"},
          "sessions": [["08:00", "12:00"], ["14:30", "17:30"]],
          "services": [{"code": "A", "name": "求职登记", "name_en": "Job-seeker registration", "review": true}],
          "counters": [
            {"id": "1", "services": ["A"]},
            {"id": "9", "name": "审核岗", "services": [], "reviews": true}
          ]
        }
        """#.write(toFile: config, atomically: true, encoding: .utf8)
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00", config: config) { daemon, tmux in
            let kiosk = KioskBinary.url.path
            let kioskToken = try daemon.token("kiosk")
            for _ in 0..<2 { #expect(try daemon.request("POST", "/v1/tickets", body: #"{"service":"A"}"#, token: kioskToken).status == 201) }
            let reviewerStatus = dir + "/reviewer.status"
            try tmux.start("reviewer", command: shellCommand(
                [kiosk, "window", "9", "--review", "--server", daemon.base, "--tokens", daemon.tokensPath], errorLog: dir + "/reviewer.err"
            ) + "; echo $? > " + shellQuoted(reviewerStatus))
            try tmux.start("window", command: shellCommand(
                [kiosk, "window", "1", "--server", daemon.base, "--tokens", daemon.tokensPath], errorLog: dir + "/window.err"))
            guard await tmux.waitFor("reviewer", "审核岗", "待审 Cases waiting: 0", "当前无在审件") else { return }
            guard await tmux.waitFor("window", "1号窗口", "当前无号") else { return }

            // Nothing to take yet: the daemon's refusal, in its words.
            guard await tmux.press("reviewer", "n", then: "no_case_to_review") else { return }

            // The clerk serves A001 and hands it over with a note typed in Chinese.
            for key in ["n", "s"] { tmux.send("window", key) }
            guard await tmux.waitFor("window", "办理中 serving") else { return }
            guard await tmux.press("window", "v", then: "给审核岗的备注") else { return }
            tmux.send("window", "材料齐")
            guard await tmux.press("window", "Enter", literal: false, then: "送审中 In review: A001", "当前无号") else { return }

            // The reviewer's queue grows by itself (refresh), then n takes the case.
            guard await tmux.waitFor("reviewer", "待审 Cases waiting: 1") else { return }
            guard await tmux.press("reviewer", "n", then: "在审 Reviewing: A001", "送审 From: 1号窗口", "备注 Note: 材料齐") else { return }
            guard await tmux.press("reviewer", "a", then: "审核通过 approved", "当前无在审件") else { return }

            // The clerk's next call is the call back, with the decision on the screen.
            guard await tmux.press("window", "n", then: "当前 Current: A001", "✓ 通过,请交付结果") else { return }
            for key in ["s", "f", "n", "s", "v"] { tmux.send("window", key) }
            guard await tmux.press("window", "Enter", literal: false, then: "送审中 In review: A002") else { return }

            // A002 is returned with a common reason picked by its digit.
            guard await tmux.press("reviewer", "n", then: "在审 Reviewing: A002") else { return }
            guard await tmux.press("reviewer", "r", then: "1 缺身份证复印件") else { return }
            tmux.send("reviewer", "1")
            guard await tmux.press("reviewer", "Enter", literal: false, then: "退回 returned: 缺身份证复印件") else { return }
            guard await tmux.press("window", "n", then: "当前 Current: A002", "✗ 退回 returned: 缺身份证复印件") else { return }

            let events = try runCommand("curl", ["-s", "-H", "Authorization: Bearer \(try daemon.token("admin"))", daemon.base + "/v1/export?date=2026-03-02"]).output
            #expect(events.contains(#""ev":"review_approve","ticket":"A001","reviewer":"9""#), "\(events)")
            #expect(events.contains(#""ev":"review_return","ticket":"A002","reviewer":"9","reason":"缺身份证复印件""#))

            tmux.send("reviewer", "q")
            let exited = await eventually(within: 10) {
                (try? String(contentsOfFile: reviewerStatus, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
            }
            #expect(exited, "reviewer terminal exit status: \((try? String(contentsOfFile: reviewerStatus, encoding: .utf8)) ?? "none")")
        }
    }
}
