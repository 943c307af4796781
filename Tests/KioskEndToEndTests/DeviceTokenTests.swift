import Foundation
import KioskCore
import KioskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A token per device, as a hall's IT person sets it up with the real binary: each window PC
/// and the ticket machine get a file with only their own token; nothing falls back to another
/// role; a window added to the config gets a token when the daemon starts; a rotated token
/// stops working while the daemon runs.
@Suite(.serialized) struct DeviceTokenTests {
    @Test func eachDeviceHoldsOnlyItsOwnTokenAndNothingFallsBack() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-device-tokens-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The default hall's tokens exist; then window 9 is added to the config.
        try HallConfig.defaultHallJSON.write(toFile: dir + "/default.json", atomically: true, encoding: .utf8)
        #expect(try KioskProcess.run(["tokens", "list", "--data-dir", dir, "--config", dir + "/default.json"]).status == 0)
        let before = try TokenBook.parse(String(contentsOfFile: dir + "/tokens.json", encoding: .utf8))
        #expect(before.token(for: .window("9")) == nil)
        var config = HallConfig.defaultHall
        config.counters.append(CounterConfig(id: "9", services: ["A"]))
        try config.jsonValue.serialized().write(toFile: dir + "/hall.json", atomically: true, encoding: .utf8)

        let daemon = DaemonProcess(dataDir: dir)
        try await daemon.start(at: "2026-03-02 09:00", config: dir + "/hall.json")
        defer { daemon.stop() }
        let full = try TokenBook.parse(String(contentsOfFile: dir + "/tokens.json", encoding: .utf8))
        let window9 = try #require(full.token(for: .window("9")), "window 9 got no token at start")
        #expect(full.token(for: .kiosk) == before.token(for: .kiosk), "existing tokens kept")
        #expect(try mode(dir + "/tokens.json") == 0o600)

        // Device files: 0600, one token each.
        let issued = try KioskProcess.run(["tokens", "issue", "--data-dir", dir, "--window", "9", "-o", dir + "/w9.token"])
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(try KioskProcess.run(["tokens", "issue", "--data-dir", dir, "--role", "kiosk", "-o", dir + "/kiosk.token"]).status == 0)
        #expect(try mode(dir + "/w9.token") == 0o600 && mode(dir + "/kiosk.token") == 0o600)
        let device = try TokenBook.parse(String(contentsOfFile: dir + "/w9.token", encoding: .utf8))
        #expect(device.isDeviceFile && device.tokens == [.window("9"): window9])
        let text = try String(contentsOfFile: dir + "/w9.token", encoding: .utf8)
        for role in [Role.kiosk, .supervisor, .display, .admin, .window("1")] {
            #expect(!text.contains(try #require(full.token(for: role))), "\(role) token in window 9's file")
        }
        let unknown = try KioskProcess.run(["tokens", "issue", "--data-dir", dir, "--window", "77", "-o", dir + "/w77.token"])
        #expect(unknown.status != 0 && !FileManager.default.fileExists(atPath: dir + "/w77.token"))

        let server = ["--server", daemon.base]
        let take = try KioskProcess.run(["take", "A", "--token-file", dir + "/kiosk.token"] + server)
        #expect(take.status == 0, "\(take.stderr)")
        let call = try KioskProcess.run(["call", "9", "--token-file", dir + "/w9.token"] + server)
        #expect(call.status == 0 && call.stdout.contains("A001"), "\(call.stdout) \(call.stderr)")

        // Window 9's file cannot act for window 3, nor for the supervisor, nor issue tickets.
        let other = try KioskProcess.run(["call", "3", "--token-file", dir + "/w9.token"] + server)
        #expect(other.status == 2 && other.stderr.contains("only the window 9 token"), "\(other.status) \(other.stderr)")
        let cover = try KioskProcess.run(["cover", "9", "3", "--token-file", dir + "/w9.token"] + server)
        #expect(cover.status == 2 && cover.stderr.contains("supervisor"), "\(cover.stderr)")
        let machine = try KioskProcess.run(["ticket-machine", "--token-file", dir + "/w9.token"] + server)
        #expect(machine.status != 0 && machine.stderr.contains("no kiosk token"), "\(machine.stderr)")
        let terminal = try KioskProcess.run(["window", "3", "--token-file", dir + "/w9.token"] + server)
        #expect(terminal.status != 0 && terminal.stderr.contains("no token for window 3"), "\(terminal.stderr)")

        // A full file without window 3's token does not quietly use the supervisor's.
        var partial = try JSONParser.parse(String(contentsOfFile: dir + "/tokens.json", encoding: .utf8)).value
        if case var .object(members) = partial, let i = members.firstIndex(where: { $0.key == "windows" }), case var .object(windows) = members[i].value {
            windows.removeAll { $0.key == "3" }
            members[i].value = .object(windows)
            partial = .object(members)
        }
        try partial.serialized().write(toFile: dir + "/partial.json", atomically: true, encoding: .utf8)
        let noFallback = try KioskProcess.run(["call", "3", "--token-file", dir + "/partial.json"] + server)
        #expect(noFallback.status == 2 && noFallback.stderr.contains("not the window 3 token"), "\(noFallback.stderr)")
        let status = try KioskProcess.run(["call", "3", "--token-file", dir + "/tokens.json"] + server)
        #expect(status.status == 3, "window 3 has nobody to call: refused by the daemon, so the token was good")

        // The list is masked.
        let list = try KioskProcess.run(["tokens", "list", "--data-dir", dir])
        #expect(list.status == 0 && list.stdout.contains("window 9"))
        for token in full.tokens.values { #expect(!list.stdout.contains(token)) }

        // Rotation while the daemon runs: the old file stops working, the new one works.
        let rotated = try KioskProcess.run(["tokens", "rotate", "--data-dir", dir, "--window", "9", "-o", dir + "/w9-new.token"])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let oldRefused = await eventually(within: 10, every: .milliseconds(100)) {
            let answer = try? runCommand("curl", ["-s", "--noproxy", "*", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer \(window9)", daemon.base + "/v1/windows/9"])
            return answer?.output == "401"
        }
        #expect(oldRefused, "the rotated-out token still works")
        let old = try KioskProcess.run(["recall", "9", "--token-file", dir + "/w9.token"] + server)
        #expect(old.status == 3 && old.stderr.contains("unauthorized"), "\(old.stderr)")
        let fresh = try KioskProcess.run(["recall", "9", "--token-file", dir + "/w9-new.token"] + server)
        #expect(fresh.status == 0 && fresh.stdout.contains("A001"), "\(fresh.stdout) \(fresh.stderr)")
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}
