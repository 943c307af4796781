import Foundation
import KioskTestSupport
import KioskCore
import Testing

/// `kiosk appointment book|check-in|list|cancel` on a journal directly (`--data-dir`, `--at`):
/// booked on Monday for Tuesday, checked in on Tuesday by another process, the order of calls
/// follows the slot.
@Suite struct AppointmentCLITests {
    @Test func bookOnMondayCheckInOnTuesdayThroughTheJournal() throws {
        let dir = NSTemporaryDirectory() + "kiosk-appointment-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = HallConfig.defaultHall
        config.services[2].appointmentsPerSlot = 1
        let configPath = dir + "/hall.json"
        try config.jsonValue(withGateway: true).serialized().write(toFile: configPath, atomically: true, encoding: .utf8)
        let data = dir + "/var"
        func kiosk(_ words: [String], at: String) throws -> KioskProcess.Result {
            try KioskProcess.run(words + ["--config", configPath, "--data-dir", data, "--at", at])
        }

        let badPhone = try kiosk(["appointment", "book", "C", "--date", "2026-03-03", "--time", "09:00", "--phone", "12345"], at: "2026-03-02 15:00")
        #expect(badPhone.status != 0 && badPhone.stderr.contains("--phone"), "\(badPhone.stderr)")
        let booked = try kiosk(["appointment", "book", "C", "--date", "2026-03-03", "--time", "09:00", "--phone", "13800138000"], at: "2026-03-02 15:00")
        #expect(booked.status == 0, "\(booked.stderr)")
        let code = try #require(booked.stdout.split(separator: " ").first.map(String.init))
        #expect(Appointment.isCode(code), "\(booked.stdout)")
        // The phone for the reminders is shown masked only.
        #expect(booked.stdout.contains("2026-03-03 09:00 · booked · 短信提醒 SMS 138****8000"), "\(booked.stdout)")
        #expect(!booked.stdout.contains("13800138000"))
        let full = try kiosk(["appointment", "book", "C", "--date", "2026-03-03", "--time", "09:00"], at: "2026-03-02 15:01")
        #expect(full.status == 3 && full.stderr.contains("refused [slot_full]"), "\(full.stderr)")

        // Tuesday: a walk-in at 08:40, the appointment checks in at 08:45; at 09:00 it is called first.
        #expect(try kiosk(["take", "C"], at: "2026-03-03 08:40").stdout.contains("ticket C001"))
        let checkIn = try kiosk(["appointment", "check-in", code], at: "2026-03-03 08:45")
        #expect(checkIn.status == 0, "\(checkIn.stderr)")
        #expect(checkIn.stdout.contains("ticket C002") && checkIn.stdout.contains("预约 09:00"), "\(checkIn.stdout)")
        let call = try kiosk(["call", "3"], at: "2026-03-03 09:00")
        #expect(call.stdout.contains("C002"), "\(call.stdout)")

        let list = try kiosk(["appointment", "list", "--date", "2026-03-03"], at: "2026-03-03 09:01")
        #expect(list.stdout.contains("\(code) · C 失业登记/失业证 · 2026-03-03 09:00 · checked_in · C002"), "\(list.stdout)")
        let cancel = try kiosk(["appointment", "cancel", code], at: "2026-03-03 09:02")
        #expect(cancel.status == 3 && cancel.stderr.contains("appointment_not_booked"))
    }
}
