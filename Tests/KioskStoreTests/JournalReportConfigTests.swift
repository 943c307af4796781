import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// A report read from a data directory without `--config` is the hall that wrote the journal,
/// not the embedded default (it once was the default, so another hall's report lost its
/// services, windows and targets).
@Suite struct JournalReportConfigTests {
    static func dataDirectory(recording config: HallConfig?) throws -> String {
        let dir = NSTemporaryDirectory() + "kiosk-report-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let journal = try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: TestHall.config).calendar)
        if let config {
            let monday = QueueEngine(config: config).calendar.instant(on: TestHall.monday, at: ClockTime("08:00")!)
            #expect(try journal.recordConfigIfChanged(config, at: monday))
        }
        return dir
    }

    @Test func withoutAConfigTheReportIsOfTheHallTheJournalRecorded() throws {
        let dir = try Self.dataDirectory(recording: TestHall.config)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(HallConfig.defaultHall.name != TestHall.config.name)
        let report = try JournalReport.openReadOnly(dataDirectory: dir, config: nil)
        #expect(report.config == TestHall.config)
        let figures = try report.report(from: TestHall.monday, to: TestHall.monday, today: TestHall.monday)
        #expect(figures.hallName == TestHall.config.name)
        #expect(figures.services.map(\.code) == ["A", "B", "C"])
    }

    @Test func anExplicitConfigWinsAndAJournalWithoutARecordIsTheDefaultHall() throws {
        let recorded = try Self.dataDirectory(recording: TestHall.config)
        let unrecorded = try Self.dataDirectory(recording: nil)
        defer { for dir in [recorded, unrecorded] { try? FileManager.default.removeItem(atPath: dir) } }
        #expect(try JournalReport.openReadOnly(dataDirectory: recorded, config: .defaultHall).config == .defaultHall)
        #expect(try JournalReport.openReadOnly(dataDirectory: unrecorded, config: nil).config == .defaultHall)
        #expect(try LocalHall.config(nil, dataDirectory: recorded) == TestHall.config)
        #expect(try LocalHall.config(nil, dataDirectory: unrecorded + "/nowhere") == .defaultHall)
    }
}
