import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// `kiosk appointment` through the daemon presents the least role the route accepts: the
/// booking system's own token file is enough to book, list and cancel (the CLI once asked for
/// the admin token for all three); a token file without a booking token still uses the admin's.
@Suite(.serialized) struct AppointmentRoleCLITests {
    @Test func theBookingTokenAloneBooksListsAndCancels() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-appointment-role-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = HallConfig.defaultHall
        config.services[2].appointmentsPerSlot = 2
        try config.jsonValue(withGateway: true).serialized().write(toFile: dir + "/hall.json", atomically: true, encoding: .utf8)
        let daemon = DaemonProcess(dataDir: dir)
        try await daemon.start(at: "2026-03-02 09:00", config: dir + "/hall.json")
        defer { daemon.stop() }
        let issued = try KioskProcess.run(["tokens", "issue", "--data-dir", dir, "--role", "booking", "-o", dir + "/booking.token"])
        #expect(issued.status == 0, "\(issued.stderr)")
        let booking = ["--server", daemon.base, "--token-file", dir + "/booking.token"]

        let book = try KioskProcess.run(["appointment", "book", "C", "--date", "2026-03-03", "--time", "09:00"] + booking)
        #expect(book.status == 0, "\(book.stderr)")
        let code = try #require(book.stdout.split(separator: " ").first.map(String.init))
        #expect(Appointment.isCode(code), "\(book.stdout)")
        let list = try KioskProcess.run(["appointment", "list", "--date", "2026-03-03"] + booking)
        #expect(list.status == 0 && list.stdout.hasPrefix("2026-03-03: 1 个预约 appointments\n\(code) · C "), "\(list.stdout)\(list.stderr)")
        let cancel = try KioskProcess.run(["appointment", "cancel", code] + booking)
        #expect(cancel.status == 0 && cancel.stdout.contains("\(code) · C ") && cancel.stdout.contains("cancelled"), "\(cancel.stdout)\(cancel.stderr)")

        // The booking token cannot check a citizen in: that is the kiosk's.
        let checkIn = try KioskProcess.run(["appointment", "check-in", code] + booking)
        #expect(checkIn.status == 2 && checkIn.stderr.contains("not the kiosk token"), "\(checkIn.stderr)")

        // A token file from before the booking role (no booking token): the admin's, as before.
        var older = try JSONParser.parse(String(contentsOfFile: dir + "/tokens.json", encoding: .utf8)).value
        if case var .object(members) = older {
            members.removeAll { $0.key == "booking" }
            older = .object(members)
        }
        try older.serialized().write(toFile: dir + "/older.json", atomically: true, encoding: .utf8)
        let byAdmin = try KioskProcess.run(["appointment", "book", "C", "--date", "2026-03-03", "--time", "09:30", "--server", daemon.base, "--token-file", dir + "/older.json"])
        #expect(byAdmin.status == 0, "\(byAdmin.stderr)")
    }
}
