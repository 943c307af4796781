import Foundation
import KioskTestSupport
import Testing

/// Issue 14, point 12: the daemon's log as a hall's IT person reads it — stamped in the hall's
/// time zone (not the server's), and ending with a line that says it stopped.
@Suite(.serialized) struct FirstDayLogTests {
    @Test func theLogIsInTheHallsZoneAndSaysWhenItStops() async throws {
        // A hall six hours east of UTC on a server set to UTC: every stamp must say +06:00.
        let urumqi = FirstDayCLITests.qingxi.replacingOccurrences(of: #""short_name": "青溪人社"}"#, with: #""short_name": "青溪人社", "time_zone": "Asia/Urumqi"}"#)
        try await FirstDayCLITests.withHallFile(urumqi) { dir, config in
            let daemon = DaemonProcess(dataDir: dir + "/var")
            daemon.environment = ["TZ": "UTC"]
            try await daemon.start(at: nil, config: config)
            #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: daemon.token("kiosk")) / 100 != 5)
            daemon.stop()
            #expect(daemon.exitStatus == 0)
            let lines = daemon.log.split(separator: "\n").map(String.init)
            let stamped = lines.filter { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d "#, options: .regularExpression) != nil }
            #expect(stamped.count >= 3, "\(daemon.log)")
            #expect(stamped.count == lines.count, "lines without a stamp:\n\(daemon.log)")
            #expect(stamped.allSatisfy { $0.prefix(29).hasSuffix("+06:00") }, "\(daemon.log)")
            #expect(lines.contains { $0.contains("kiosk serving 青溪县人社局") && $0.contains("version=") })
            #expect(lines.contains { $0.contains("shutting down") })
            #expect(lines.last?.contains("kiosk stopped") == true, "\(daemon.log)")
        }
    }
}
