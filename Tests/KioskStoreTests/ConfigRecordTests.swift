import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// Issue 14, point 7: the journal records the config in force whenever it changes.
@Suite struct ConfigRecordTests {
    static func journal() throws -> SQLiteJournal {
        let dir = NSTemporaryDirectory() + "kiosk-config-record-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: TestHall.config).calendar)
    }

    @Test func aConfigIsRecordedOnlyWhenItChangesAndEachDayFindsItsOwn() throws {
        let journal = try Self.journal()
        let calendar = QueueEngine(config: TestHall.config).calendar
        let monday = calendar.instant(on: TestHall.monday, at: ClockTime("08:00")!)
        var changed = TestHall.config
        changed.name = "青溪县人社局"

        #expect(try journal.lastRecordedConfig() == nil)
        #expect(try journal.recordConfigIfChanged(TestHall.config, at: monday))
        #expect(try !journal.recordConfigIfChanged(TestHall.config, at: monday.addingTimeInterval(60)))
        let tuesday = calendar.dayAfter(TestHall.monday)
        #expect(try journal.recordConfigIfChanged(changed, at: calendar.instant(on: tuesday, at: ClockTime("08:00")!)))

        #expect(try journal.config(inForceOn: TestHall.monday)?.config.name == "测试大厅")
        #expect(try journal.config(inForceOn: tuesday)?.config.name == "青溪县人社局")
        #expect(try journal.config(inForceOn: calendar.dayAfter(tuesday))?.config.name == "青溪县人社局")
        #expect(try journal.lastRecordedConfig()?.config.services.map(\.code) == ["A", "B", "C"])
        // Before the first record: none known (the caller falls back to its own).
        #expect(try journal.config(inForceOn: BusinessDate(year: 2026, month: 3, day: 1)) == nil)
    }
}
