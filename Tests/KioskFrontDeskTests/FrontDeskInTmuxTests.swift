import Foundation
import KioskTestSupport
import KioskCore
import Testing
@testable import KioskFrontDesk

/// The real front ends in a real terminal: the built `kiosk serve`, `kiosk ticket-machine` and
/// `kiosk window` in tmux, driven with send-keys and read with capture-pane.
@Suite(.serialized) struct FrontDeskInTmuxTests {
    let dir = NSTemporaryDirectory() + "kiosk-frontdesk-" + UUID().uuidString

    func command(_ words: [String], log: String) -> String {
        shellCommand(words, errorLog: log)
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func ticketMachineThenWindowTerminalAndTheHallScreen() async throws {
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00") { daemon, tmux in
            let kiosk = KioskBinary.url.path
            let printed = dir + "/tickets-58.bin"

            // The ticket machine, with a printer file and a short idle timeout.
            try tmux.start("kiosk", command: command(
                [kiosk, "ticket-machine", "--server", daemon.base, "--tokens", daemon.tokensPath, "--printer", printed, "--paper", "58", "--idle-timeout", "4"],
                log: dir + "/kiosk.err"))
            guard await tmux.waitFor("kiosk", "请选择业务", "求职登记", "失业登记/失业证", "等候0人") else { return }

            // 3 = 失业登记/失业证: the documents first.
            guard await tmux.press("kiosk", "3", then: "解除劳动合同书", "1  确认取号", "0  返回") else { return }
            guard await tmux.press("kiosk", "1", then: "是否优先办理", "2  优先") else { return }
            guard await tmux.press("kiosk", "2", then: "需要短信提醒吗", "1  需要", "0  不需要") else { return }
            guard await tmux.press("kiosk", "1", then: "输入您的手机号") else { return }

            // A wrong number: a clear message (the number as typed) and a second try.
            tmux.send("kiosk", "12345678901")
            guard await tmux.press("kiosk", "Enter", literal: false, then: "123 4567 8901 不是有效的手机号", "请重新输入") else { return }
            // Every digit shown while typed, then read back for confirmation.
            guard await tmux.press("kiosk", "13800138000", then: "[ 138 0013 8000 ]") else { return }
            guard await tmux.press("kiosk", "Enter", literal: false, then: "请核对号码", "138 0013 8000", "1  正确") else { return }
            guard await tmux.press("kiosk", "1", then: "家属也要收到提醒吗", "138****8000") else { return }
            tmux.send("kiosk", "0")

            // The ticket: service, people ahead, documents, its page's address, SMS consent. Nobody ahead at
            // idle windows: no "约 0 分钟" promise, a word to watch the screen instead.
            let needles = ["排队取号凭条", "失业登记/失业证", "前面等候 Ahead: 0", "解除劳动合同书", "/t/2026-03-02/C001?k=", "138****8000",
                           "优先 Priority (老年人/残疾人/孕妇)", "连城县人社局综合服务大厅", "2026-03-02 09:",
                           "请在 2号窗口、3号窗口 附近等候"]
            let ticketShown = await tmux.waitFor("kiosk", "the ticket") { screen in
                needles.allSatisfy { screen.contains($0) } && (screen.contains("马上轮到您，请留意叫号") || screen.contains("预计等候"))
                    && !screen.contains("约 0 分钟")
            }
            guard ticketShown else { return }
            let status = try daemon.request("GET", "/v1/tickets/C001")
            #expect(status.status == 200)
            // The printed ticket says 优先 (above); the public status page says nothing of it.
            #expect(status.json["priority"] == nil && status.json["state"]?.stringValue == "waiting")

            // The printer file: one ticket, GB18030, cut.
            #expect(await eventually(within: 5) { (try? Data(contentsOf: URL(fileURLWithPath: printed)))?.isEmpty == false })
            let decoded = try EscPosDecoded(Array(try Data(contentsOf: URL(fileURLWithPath: printed))))
            #expect(decoded.commands.filter { $0 == "cut" }.count == 1)
            #expect(decoded.lines.contains { $0.double && $0.text == "C001" })
            #expect(decoded.lines.contains { $0.text.contains("解除劳动合同书") })
            // Every line in the width but the page's address, kept whole in the small font.
            for line in decoded.lines where !line.small { #expect(EscPosDecoded.printedColumns(line.bytes, double: line.double) <= 32, "\(line.text)") }
            #expect(decoded.lines.contains { $0.small && $0.text.contains("/t/2026-03-02/C001?k=") })
            #expect(decoded.rasters.count == 1)   // its QR code

            // Nobody touches it: back to the start screen by itself.
            guard await tmux.waitFor("kiosk", "请选择业务") else { return }
            #expect(await tmux.waitFor("kiosk", "失业登记/失业证", "等候1人"))

            // The window terminal for window 2 (A, B, C) and, when built in, the hall screen.
            let kioskToken = try daemon.token("kiosk")
            #expect(try daemon.request("POST", "/v1/tickets", body: #"{"service":"A"}"#, token: kioskToken).status == 201)
            #expect(try daemon.request("POST", "/v1/tickets", body: #"{"service":"A"}"#, token: kioskToken).status == 201)
            let hasDisplay = (try? runCommand(kiosk, ["--help"]).output.contains(" display ")) ?? false
            if hasDisplay {
                try tmux.start("hall", width: 120, height: 40, command: command(
                    [kiosk, "display", "--layout", KioskBinary.repository + "/layouts/main-hall.layout", "--server", daemon.base, "--tokens", daemon.tokensPath],
                    log: dir + "/display.err"))
            }
            // Its exit status goes to a file: tmux's "Pane is dead" line proved unreliable to read.
            let windowStatus = dir + "/window.status"
            try tmux.start("window", command: command([kiosk, "window", "2", "--server", daemon.base, "--tokens", daemon.tokensPath], log: dir + "/window.err")
                           + "; echo $? > " + shellQuoted(windowStatus))
            guard await tmux.waitFor("window", "2号窗口", "等候本窗口 Waiting for this window: 3", "当前无号") else { return }

            func hallCalls() throws -> [String] {
                (try daemon.request("GET", "/v1/hall", token: try daemon.token("display")).json["calls"]?.arrayValue ?? [])
                    .compactMap { $0["ticket"]?.stringValue }
            }
            func line(_ screen: String, _ words: String...) -> Bool {
                screen.split(separator: "\n").contains { row in words.allSatisfy { row.contains($0) } }
            }

            // Call next: C001, the priority ticket (the embedded hall starts the day with a priority
            // call due: priority.start_due).
            guard await tmux.press("window", "n", then: "当前 Current: C001", "完成 Done: 叫号") else { return }
            #expect(await eventually(within: 5) { (try? hallCalls().first) == "C001" })
            if hasDisplay { #expect(await tmux.waitFor("hall", "C001 → 2号窗口") { line($0, "C001", "2号窗口") }) }

            // Recall; a second call while C001 is still at the window is refused in the daemon's words.
            guard await tmux.press("window", "r", then: "完成 Done: 重呼", "第2次") else { return }
            guard await tmux.press("window", "n", then: "不能执行 Refused [counter_busy]", "请先办结") else { return }
            guard await tmux.press("window", "s", then: "完成 Done: 开始办理", "办理中 serving") else { return }
            guard await tmux.press("window", "f", then: "完成 Done: 办结", "当前无号") else { return }

            // Next call: A001.
            guard await tmux.press("window", "n", then: "当前 Current: A001") else { return }
            // Finishing a ticket that was only called is refused: the daemon's words, not ours.
            guard await tmux.press("window", "f", then: "Refused [invalid_transition]", "不能finish") else { return }
            guard await tmux.press("window", "s", then: "办理中 serving") else { return }
            #expect(await eventually(within: 5) { (try? hallCalls().first) == "A001" })
            if hasDisplay { #expect(await tmux.waitFor("hall", "A001 → 2号窗口") { line($0, "A001", "2号窗口") }) }
            guard await tmux.press("window", "f", then: "完成 Done: 办结", "当前无号") else { return }

            // Pause with a back-at time.
            guard await tmux.press("window", "p", then: "几点回来") else { return }
            guard await tmux.press("window", "1030", then: "> 10:30") else { return }
            guard await tmux.press("window", "Enter", literal: false, then: "暂停服务 paused,10:30 回来") else { return }
            let view = try daemon.request("GET", "/v1/windows/2", token: try daemon.token("supervisor")).json
            #expect(view["status"]?.stringValue == "paused")
            #expect(view["back_at"]?.stringValue == "10:30")
            if hasDisplay { #expect(await tmux.waitFor("hall", "2号窗口 暂停服务") { line($0, "2号窗口", "暂停") }) }
            // A paused window cannot call: the daemon's words.
            guard await tmux.press("window", "n", then: "counter_paused", "窗口2暂停服务") else { return }
            guard await tmux.press("window", "g", then: "完成 Done: 恢复服务", "服务中 open") else { return }

            // q leaves, gives the terminal back and exits 0.
            tmux.send("window", "q")
            let exited = await eventually(within: 10) {
                (try? String(contentsOfFile: windowStatus, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
            }
            #expect(exited, "window terminal exit status: \((try? String(contentsOfFile: windowStatus, encoding: .utf8)) ?? "none")\n\(tmux.capture("window"))")
        }
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func quotaAndClosingTimeRefusals() async throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let config = dir + "/hall.json"
        try #"""
        {
          "hall": {"name": "测试大厅", "name_en": "Test hall", "time_zone": "Asia/Shanghai"},
          "sessions": [["08:00", "12:00"], ["14:30", "17:30"]],
          "services": [
            {"code": "A", "name": "求职登记", "name_en": "Job-seeker registration", "documents": ["身份证"], "daily_quota": 1},
            {"code": "B", "name": "职业介绍", "name_en": "Job referral", "documents": ["身份证", "学历证书(如有)"]}
          ],
          "counters": [{"id": "1", "services": ["A", "B"]}]
        }
        """#.write(toFile: config, atomically: true, encoding: .utf8)
        // Five minutes before the morning session ends.
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 11:55", config: config) { daemon, tmux in
            let kiosk = KioskBinary.url.path
            try tmux.start("kiosk", command: command(
                [kiosk, "ticket-machine", "--server", daemon.base, "--tokens", daemon.tokensPath, "--idle-timeout", "30"], log: dir + "/kiosk.err"))
            guard await tmux.waitFor("kiosk", "请选择业务", "求职登记", "职业介绍") else { return }

            // A: the one ticket of the day.
            guard await tmux.press("kiosk", "1", then: "确认取号") else { return }
            // One question for the SMS: 0 and the ticket is out.
            guard await tmux.press("kiosk", "11", then: "需要短信提醒吗") else { return }
            guard await tmux.press("kiosk", "0", then: "排队取号凭条", "求职登记", "/t/2026-03-02/A001?k=") else { return }
            tmux.send("kiosk", "0")

            // The quota is reached: the menu says so, and choosing it gives the daemon's words.
            guard await tmux.waitFor("kiosk", "今日已满") else { return }
            guard await tmux.press("kiosk", "1", then: "暂不能取号", "限1个", "请下一个工作日再来") else { return }
            guard await tmux.press("kiosk", "0", then: "请选择业务") else { return }

            // Tickets waiting for the one window (a supervisor may still issue, audited).
            let supervisor = try daemon.token("supervisor")
            for _ in 0..<4 {
                #expect(try daemon.request("POST", "/v1/tickets", body: #"{"service":"B","override":true}"#, token: supervisor).status == 201)
            }
            // Without override the daemon refuses: the estimate passes 12:00.
            let refused = try daemon.request("POST", "/v1/tickets", body: #"{"service":"B"}"#, token: try daemon.token("kiosk"))
            #expect(refused.status == 409)
            #expect(refused.json["error"]?["code"]?.stringValue == "closes_before_turn")

            // At the machine: documents, confirm, normal, no numbers, then the refusal and when to come back.
            guard await tmux.press("kiosk", "2", then: "学历证书(如有)") else { return }
            guard await tmux.press("kiosk", "11", then: "需要短信提醒吗") else { return }
            guard await tmux.press("kiosk", "0", then: "暂不能取号", "晚于本时段结束(12:00)", "请于14:30后再来取号") else { return }
            // Nothing was issued: B005 does not exist.
            #expect(try daemon.request("GET", "/v1/tickets/B005").status == 404)
        }
    }
}
