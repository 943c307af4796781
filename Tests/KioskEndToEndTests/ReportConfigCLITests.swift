import Foundation
import KioskTestSupport
import KioskCore
import Testing

/// `kiosk report` and `kiosk ratings followups` with `--data-dir` and no `--config` read the
/// hall the journal recorded (they once read the embedded default hall, so a 3-service hall's
/// report listed the default hall's 11 services and none of its own names).
@Suite struct ReportConfigCLITests {
    @Test func aReportWithoutConfigIsOfTheHallThatWroteTheJournal() throws {
        try FirstDayCLITests.withOneTicket(hall: FirstDayCLITests.qingxi, service: "C", at: "2026-03-02 09:00") { _, config, data in
            let report = try KioskProcess.run(["report", "--data-dir", data, "--date", "2026-03-02", "--format", "json"])
            #expect(report.status == 0, "\(report.stderr)")
            let json = try JSONParser.parse(report.stdout).value
            #expect(json["hall"]?["name"] == "青溪县人社局")
            #expect(json["hall"]?["issued"] == 1)
            #expect(json["services"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["求职登记", "社保参保", "医保报销"])
            #expect(json["windows"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.first == "综合窗口")

            // An explicit --config still wins.
            let asDefault = try KioskProcess.run(["report", "--data-dir", data, "--date", "2026-03-02", "--format", "json", "--config", config])
            #expect(try JSONParser.parse(asDefault.stdout).value["hall"]?["name"] == "青溪县人社局")
        }
    }
}
