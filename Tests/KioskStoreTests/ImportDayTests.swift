import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// `kiosk import` writes a trace into a journal: the day reads back as it was exported, once.
struct ImportDayTests {
    static func tempDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "kiosk-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A short morning: three tickets, two served, one still waiting.
    static func morning(on date: BusinessDate = TestHall.monday) throws -> TraceDay {
        var hall = TestHall(date: date)
        try hall.issue("A", at: "08:01")
        try hall.issue("B", at: "08:02")
        try hall.issue("C", at: "08:03")
        try hall.serveNext("1", at: "08:05")
        try hall.serveNext("3", at: "08:06")
        return TraceDay(date: date, config: hall.config, events: hall.events)
    }

    @Test func aDayReadsBackAsItWasAndIsImportedOnce() throws {
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: TestHall.config).calendar)
        let day = try Self.morning()
        let seqs = try journal.importDay(day)
        #expect(seqs.count == day.events.count && seqs == seqs.sorted())
        #expect(try journal.events(on: day.date).map(\.event) == day.events)
        #expect(try journal.config(inForceOn: day.date)?.config == day.config)
        // The exported text of the imported day is the trace itself.
        let exported = TraceDay(date: day.date, config: try journal.config(inForceOn: day.date)!.config, events: try journal.events(on: day.date).map(\.event))
        #expect(exported.jsonLines() == day.jsonLines())

        #expect(throws: ImportRefusal.dayAlreadyHeld(day.date, events: day.events.count)) { try journal.importDay(day) }
        #expect(try journal.events(on: day.date).count == day.events.count, "a refused import writes nothing")
        #expect(try journal.lastConfigVersion() == 1, "nor a config record")

        // The next day goes after it; the day before does not.
        let tuesday = BusinessDate(year: 2026, month: 3, day: 3)
        #expect(try journal.importDay(try Self.morning(on: tuesday)).first == seqs.last! + 1)
        let sunday = BusinessDate(year: 2026, month: 3, day: 1)
        #expect(throws: ImportRefusal.laterDayHeld(sunday, latest: tuesday)) { try journal.importDay(try Self.morning(on: sunday)) }
    }

    /// The simulator's halls name services at length ("Civil-status certificates and
    /// registrations"). Their traces carry no `sms` section, but the journal records the config
    /// with the default one, whose templates such a name overflows: the day must still read
    /// back (it once failed with "one SMS holds 70" on every later read of the journal).
    @Test func aHallWithLongServiceNamesReadsBackAfterImport() throws {
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var day = try Self.morning()
        day.config.services[0].name = String(repeating: "长", count: 30)
        let journal = try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: day.config).calendar)
        _ = try journal.importDay(day)
        #expect(try journal.config(inForceOn: day.date)?.config.services[0].name == day.config.services[0].name)
        #expect(try journal.lastRecordedConfig()?.config == day.config)
        // A hall starting from such a file is still refused: the length check is not gone.
        let text = day.config.jsonValue(withGateway: true).serialized()
        #expect(throws: ConfigError.self) { try HallConfig.load(json: text) }
    }

    @Test func aTraceWhoseEventsAreNotOnItsDayIsRefused() throws {
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: TestHall.config).calendar)
        var day = try Self.morning()
        day.date = BusinessDate(year: 2026, month: 3, day: 5)
        #expect(throws: ImportRefusal.self) { try journal.importDay(day) }
        var backwards = try Self.morning()
        backwards.events.swapAt(0, 3)
        #expect(throws: ImportRefusal.eventOutOfOrder(index: 1, reason: "it goes back in time")) { try journal.importDay(backwards) }
        #expect(try journal.businessDates().isEmpty)
    }
}
