import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// Which config a daemon starts on once a config was applied live: the newest word wins. A
/// live change (committed with its `config` event) stays in force over an unchanged file; a
/// file edited since the last start replaces it.
struct ConfigAtStartTests {
    static func journal(_ dir: String) throws -> SQLiteJournal {
        try SQLiteJournal(path: dir + "/journal.sqlite", calendar: QueueEngine(config: TestHall.config).calendar)
    }

    static func instant(_ clock: String) -> Date {
        QueueEngine(config: TestHall.config).calendar.instant(on: TestHall.monday, at: ClockTime(clock)!)
    }

    @Test func aLiveChangeOutlivesARestartOnTheSameFileAndAnEditedFileWins() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-config-start-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = try Self.journal(dir)
        let file = TestHall.config
        let first = try journal.configAtStart(file: file, at: Self.instant("08:00"))
        #expect(first.config == file && first.recordedFile && first.keptLive == nil)
        #expect(try !journal.configAtStart(file: file, at: Self.instant("08:01")).recordedFile, "the same file again records nothing")

        // Applied live at 10:00, with its event, in one transaction.
        var live = file
        live.counters.append(CounterConfig(id: "4", services: ["A"]))
        live.limits.kioskIssueBurst = 7
        let version = try journal.lastConfigVersion() + 1
        _ = try await journal.appendAsync(
            [HallEvent(at: Self.instant("10:00"), .configChanged(version: version, audit: "admin"))], contacts: [],
            configs: [AppliedConfig(version: version, at: Self.instant("10:00"), config: live)]
        )
        #expect(try journal.lastConfigVersion() == version)
        let timeline = try journal.configTimeline(versions: [version])
        #expect(timeline.versions[version] == live && timeline.initial == file)
        #expect(try journal.config(inForceOn: TestHall.monday)?.config == live, "export and reports see the applied config")

        // Restart on the unchanged file: the live config, limits and all.
        let restarted = try journal.configAtStart(file: file, at: Self.instant("11:00"))
        #expect(restarted.config == live && !restarted.recordedFile && restarted.keptLive?.config == live)

        // The file edited to match the live config: recorded as the file's, so the next live
        // change again survives a restart.
        let matching = try journal.configAtStart(file: live, at: Self.instant("12:00"))
        #expect(matching.config == live && matching.recordedFile && matching.keptLive == nil)

        // An edited file wins over the live config.
        var edited = file
        edited.name = "改过的大厅"
        let edit = try journal.configAtStart(file: edited, at: Self.instant("13:00"))
        #expect(edit.config == edited && edit.recordedFile && edit.keptLive == nil)
        #expect(try journal.configAtStart(file: edited, at: Self.instant("13:01")).config == edited)
    }
}
