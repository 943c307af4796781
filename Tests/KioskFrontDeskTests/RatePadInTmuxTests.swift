import Foundation
import KioskCore
import KioskTestSupport
import Testing
import KioskFrontDesk

/// The rating pad in a real terminal against the built daemon: a clerk finishes a ticket, the
/// pad asks, the citizen presses keys, the rating is journaled; the follow-up of a 差评 is
/// listed, closed and exported with `kiosk ratings`.
@Suite(.serialized) struct RatePadInTmuxTests {
    let dir = NSTemporaryDirectory() + "kiosk-ratepad-" + UUID().uuidString

    /// Takes a ticket for `service` and has window 1 call, start and finish it.
    func serve(_ service: String, _ daemon: DaemonProcess) throws {
        #expect(try daemon.request("POST", "/v1/tickets", body: #"{"service":"\#(service)"}"#, token: daemon.token("kiosk")).status == 201)
        let window = try daemon.token("windows.1")
        for action in ["call", "start", "finish"] {
            #expect(try daemon.request("POST", "/v1/windows/1/\(action)", token: window).status == 200, "\(action)")
        }
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func aCitizenRatesAtTheWindowAndTheBadRatingIsFollowedUp() async throws {
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00") { daemon, tmux in
            let kiosk = KioskBinary.url.path
            try tmux.start("pad", width: 90, height: 28, command: shellCommand(
                [kiosk, "rate-pad", "1", "--server", daemon.base, "--tokens", daemon.tokensPath], errorLog: dir + "/pad.err"))
            guard await tmux.waitFor("pad", "1号窗口", "欢迎评价我们的服务") else { return }

            try serve("A", daemon)
            guard await tmux.waitFor("pad", "A001", "请您评价", "非常满意", "非常不满意", "Press a key 1–5") else { return }
            guard await tmux.press("pad", "2", then: "请告诉我们原因", "等候时间长") else { return }
            guard await tmux.press("pad", "1", then: "谢谢您的评价", "15个工作日") else { return }
            // Back to idle by itself, and A001 is not asked again.
            guard await tmux.waitFor("pad", "欢迎评价我们的服务", within: 20) else { return }
            #expect(!tmux.capture("pad").contains("A001"))

            try serve("B", daemon)
            guard await tmux.waitFor("pad", "B001", "请您评价") else { return }
            guard await tmux.press("pad", "5", then: "谢谢您的评价", "非常满意") else { return }

            // The journal has both ratings; the 差评 has a follow-up with the citizen's reason.
            let followups = try daemon.request("GET", "/v1/ratings/followups", token: daemon.token("supervisor"))
            let open = followups.json["followups"]?.arrayValue ?? []
            #expect(open.count == 1)
            #expect(open.first?["ticket"] == "A001")
            #expect(open.first?["score"] == .number(2))
            #expect(open.first?["reason"] == .string(RatePad.reasons[0]))

            // `kiosk ratings`: list (read-only, the daemon running), close (through the daemon), export.
            let listed = try runCommand(kiosk, ["ratings", "followups", "--data-dir", daemon.dataDir])
            #expect(listed.status == 0)
            #expect(listed.output.contains("20260302-A001"), "\(listed.output)")
            let closed = try runCommand(kiosk, ["ratings", "close", "20260302-A001", "--note", "已电话回访并致歉", "--server", daemon.base, "--tokens", daemon.tokensPath])
            #expect(closed.status == 0)
            #expect(try runCommand(kiosk, ["ratings", "followups", "--data-dir", daemon.dataDir]).output.contains("no open follow-ups"))
            let again = try runCommand(kiosk, ["ratings", "close", "20260302-A001", "--note", "再次", "--server", daemon.base, "--tokens", daemon.tokensPath])
            #expect(again.status == 3)
            let csv = try runCommand(kiosk, ["ratings", "export", "--data-dir", daemon.dataDir, "--from", "2026-03-02", "--format", "csv"]).output
            let rows = csv.split(separator: "\r\n").map(String.init)
            #expect(rows.first == "hall,date,ticket,service,service_name,window,score,label,reason,time")
            #expect(rows.count == 3)
            #expect(rows.contains { $0.hasPrefix("连城县人社局综合服务大厅,2026-03-02,A001,A,求职登记,1,2,不满意,等候时间长") })
            #expect(rows.contains { $0.hasPrefix("连城县人社局综合服务大厅,2026-03-02,B001,B,职业介绍,1,5,非常满意,,") })
            // The report of the day shows the ratings and the closed follow-up.
            let report = try runCommand(kiosk, ["report", "--data-dir", daemon.dataDir, "--date", "2026-03-02", "--format", "json"]).output
            let json = try JSONParser.parse(report).value
            #expect(json["ratings"]?["counts"]?["2"] == .number(1))
            #expect(json["ratings"]?["counts"]?["5"] == .number(1))
            #expect(json["ratings"]?["bad"]?.arrayValue?.first?["note"] == "已电话回访并致歉")
        }
    }
}

