import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Issue 21 in a real terminal against the real daemon: a citizen checks in at the ticket
/// machine by the appointment's code (a wrong code is said on the same screen), gets a ticket
/// marked 预约 with its slot, then reads a service's guide.
@Suite(.serialized) struct TicketMachineCheckInInTmuxTests {
    let dir = NSTemporaryDirectory() + "kiosk-ticket-machine-checkin-" + UUID().uuidString

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func aCitizenChecksInByCodeThenReadsAGuide() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var config = HallConfig.defaultHall
        config.services[2].appointmentsPerSlot = 2
        // The daemon's clock runs from 09:00: the 09:30 slot with no notice needed.
        config.appointments.minLeadMinutes = 0
        let configPath = dir + "/hall.json"
        try config.jsonValue(withGateway: true).serialized().write(toFile: configPath, atomically: true, encoding: .utf8)
        try await withDaemonInTmux(dir: dir, startAt: "2026-03-02 09:00", config: configPath) { daemon, tmux in
            let booked = try daemon.request("POST", "/v1/appointments", body: #"{"service":"C","date":"2026-03-02","time":"09:30"}"#, token: try daemon.token("admin"))
            #expect(booked.status == 201, "\(booked.json)")
            let code = try #require(booked.json["code"]?.stringValue)

            let words = [KioskBinary.url.path, "ticket-machine", "--server", daemon.base, "--tokens", daemon.tokensPath]
            try tmux.start("kiosk", width: 100, height: 40, command: shellCommand(words, errorLog: dir + "/kiosk.err"))
            guard await tmux.waitFor("kiosk", "请选择业务", "12  预约签到") else { return }
            guard await tmux.press("kiosk", "12", then: "请输入预约码") else { return }
            // A wrong code first: said on the same screen, ready for another try.
            tmux.send("kiosk", "000000")
            guard await tmux.press("kiosk", "Enter", literal: false, then: "没有该预约码") else { return }
            tmux.send("kiosk", code)
            guard await tmux.press("kiosk", "Enter", literal: false, then: "预约 Appointment 09:30", "失业登记/失业证") else { return }
            #expect(tmux.capture("kiosk").contains("身份证 原件1份"))
            #expect(try daemon.request("GET", "/v1/tickets/C001").json["appointment_time"]?.stringValue == "09:30")

            // Back to the menu, then the guide of 失业登记.
            guard await tmux.press("kiosk", "5", then: "请选择业务") else { return }
            guard await tmux.press("kiosk", "3", then: "2  查看办事指南") else { return }
            guard await tmux.press("kiosk", "2", then: "办事指南 Service guide", "申请材料", "解除劳动合同书 原件1份") else { return }
        }
    }
}
