import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// `kiosk export --data-dir` as a library call: the latest day by default, the config in force
/// that day (not the one the command was opened with), and the two ways there is nothing to export.
@Suite struct LocalHallExportTests {
    static func dataDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "kiosk-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theLatestDayWithTheConfigInForceThatDay() throws {
        let dir = try Self.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try LocalHall.openForWriting(config: TestHall.config, dataDirectory: dir)
        let calendar = writer.engine.calendar
        _ = try writer.execute(.issue(service: "A", priority: false), at: calendar.instant(on: TestHall.monday, at: ClockTime("09:00")!))
        let tuesday = calendar.dayAfter(TestHall.monday)
        _ = try writer.execute(.issue(service: "B", priority: false), at: calendar.instant(on: tuesday, at: ClockTime("09:00")!))

        // Opened as the default hall, as `kiosk export` without --config on another hall's journal.
        let reader = try LocalHall.openReadOnly(config: .defaultHall, dataDirectory: dir)
        let latest = try reader.exportTrace(on: nil)
        #expect(latest.date == tuesday)
        #expect(latest.config == TestHall.config)
        #expect(latest.events.contains { $0.issuedTicket == "B001" })
        let monday = try reader.exportTrace(on: TestHall.monday)
        #expect(monday.events.compactMap(\.issuedTicket) == ["A001"])

        let wednesday = calendar.dayAfter(tuesday)
        #expect(throws: LocalHall.ExportProblem.noEvents(day: wednesday, held: "it holds 2026-03-02 … 2026-03-03 (2 days)")) {
            try reader.exportTrace(on: wednesday)
        }
    }

    @Test func anEmptyJournalHasNothingToExport() throws {
        let dir = try Self.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try LocalHall(config: TestHall.config, dataDirectory: dir)
        let reader = try LocalHall.openReadOnly(config: TestHall.config, dataDirectory: dir)
        #expect(throws: LocalHall.ExportProblem.emptyJournal) { try reader.exportTrace(on: nil) }
        #expect(throws: LocalHall.ExportProblem.noEvents(day: TestHall.monday, held: "it is empty")) { try reader.exportTrace(on: TestHall.monday) }
    }
}
