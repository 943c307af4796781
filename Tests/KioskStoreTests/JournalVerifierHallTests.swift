import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// `kiosk verify`, `backup` and `restore` read a copy's days as the hall that wrote it (the
/// config recorded inside the copy), not as the embedded default hall in Shanghai time.
@Suite struct JournalVerifierHallTests {
    static var urumqi: HallConfig {
        var config = TestHall.config
        config.name = "乌鲁木齐人社"
        config.timeZoneID = "Asia/Urumqi"
        return config
    }

    @Test func aCopyIsReadAsTheHallItRecorded() throws {
        let dir = try JournalReportConfigTests.dataDirectory(recording: Self.urumqi)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try JournalVerifier().verify(file: dir + "/journal.sqlite")
        #expect(report.config == Self.urumqi)
        #expect(report.hall == "乌鲁木齐人社 (Asia/Urumqi)")
    }

    @Test func anExplicitConfigWinsAndACopyWithoutARecordIsTheDefaultHall() throws {
        let recorded = try JournalReportConfigTests.dataDirectory(recording: Self.urumqi)
        let unrecorded = try JournalReportConfigTests.dataDirectory(recording: nil)
        defer { for dir in [recorded, unrecorded] { try? FileManager.default.removeItem(atPath: dir) } }
        #expect(try JournalVerifier(config: .defaultHall).verify(file: recorded + "/journal.sqlite").config == .defaultHall)
        #expect(try JournalVerifier().verify(file: unrecorded + "/journal.sqlite").config == .defaultHall)
    }

    @Test func aRestoreIntoAnEmptyDirectoryReadsTheBackupsOwnHall() throws {
        let source = try JournalReportConfigTests.dataDirectory(recording: Self.urumqi)
        let target = NSTemporaryDirectory() + "kiosk-restore-hall-" + UUID().uuidString
        defer { for dir in [source, target] { try? FileManager.default.removeItem(atPath: dir) } }
        let outcome = try JournalRestore(verifier: JournalVerifier()).restore(backup: source + "/journal.sqlite", dataDirectory: target, at: Date())
        #expect(outcome.report.config == Self.urumqi)
        #expect(try LocalHall.config(nil, dataDirectory: target) == Self.urumqi)
    }
}
