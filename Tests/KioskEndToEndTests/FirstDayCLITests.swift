import Foundation
import KioskTestSupport
import Testing

/// The CLI as a new hall's IT person meets it on the first day (issue 14).
@Suite struct FirstDayCLITests {
    /// A fresh folder, outside the repository, removed afterwards.
    static func withTempFolder<T>(_ body: (String) throws -> T) throws -> T {
        let dir = NSTemporaryDirectory() + "kiosk-first-day-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try body(dir)
    }

    static func withTempFolder<T>(_ body: (String) async throws -> T) async throws -> T {
        let dir = NSTemporaryDirectory() + "kiosk-first-day-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try await body(dir)
    }

    /// A fresh folder holding `hall` as hall.json: the body gets the folder and the file.
    static func withHallFile<T>(_ hall: String, _ body: (_ dir: String, _ file: String) throws -> T) throws -> T {
        try withTempFolder { dir in
            try hall.write(toFile: dir + "/hall.json", atomically: true, encoding: .utf8)
            return try body(dir, dir + "/hall.json")
        }
    }

    static func withHallFile<T>(_ hall: String, _ body: (_ dir: String, _ file: String) async throws -> T) async throws -> T {
        try await withTempFolder { dir in
            try hall.write(toFile: dir + "/hall.json", atomically: true, encoding: .utf8)
            return try await body(dir, dir + "/hall.json")
        }
    }

    /// A temporary folder with `hall` as hall.json and one ticket of `service` taken at `at` on
    /// the journal in var/ (with --config): the body gets the folder, the config and var/.
    static func withOneTicket<T>(hall: String, service: String, at: String, _ body: (String, String, String) throws -> T) throws -> T {
        try withHallFile(hall) { dir, config in
            let data = dir + "/var"
            let take = try KioskProcess.run(["take", service, "--config", config, "--data-dir", data, "--at", at])
            #expect(take.status == 0, "\(take.stderr)")
            return try body(dir, config, data)
        }
    }

    /// 青溪县人社局: 3 services, 3 windows, no `sms` section.
    static let qingxi = """
    {
      "hall": {"name": "青溪县人社局", "short_name": "青溪人社"},
      "sessions": [["08:00", "12:00"], ["14:30", "17:30"]],
      "services": [
        {"code": "A", "name": "求职登记"},
        {"code": "B", "name": "社保参保", "documents": ["身份证"]},
        {"code": "C", "name": "医保报销", "documents": ["身份证", "医保卡"]}
      ],
      "counters": [
        {"id": "1", "name": "综合窗口", "services": ["A", "B"]},
        {"id": "2", "services": ["B"]},
        {"id": "3", "name": "医保窗口", "services": ["C"]}
      ]
    }
    """

    @Test func configCheckWarnsAboutAMissingSignatureAndStillExitsZero() throws {
        try Self.withHallFile(Self.qingxi) { _, path in
            let result = try KioskProcess.run(["config", "check", path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("ok — 3 services, 3 windows, 2 sessions (1 warning)"))
            #expect(result.stderr.contains("\(path):1: warning: sms.signature is not set: messages are signed 【青溪人社】"))
        }
    }

    /// Point 8: a clock earlier than the journal's last event is refused (an explicit --at, a
    /// wall clock gone back), never stamped backwards.
    @Test func aClockBehindTheJournalIsRefusedByServeAndByLocalCommands() throws {
        try Self.withTempFolder { dir in
            let take = try KioskProcess.run(["take", "A", "--data-dir", dir, "--at", "2026-03-02 10:00"])
            #expect(take.status == 0, "\(take.stderr)")

            let earlier = try KioskProcess.run(["take", "A", "--data-dir", dir, "--at", "2026-03-02 09:00"])
            #expect(earlier.status == 3)
            #expect(earlier.stderr.contains("refused [clock_behind_journal]: the hall clock reads 2026-03-02 09:00:00, before the journal's last event at 2026-03-02 10:00:00"))

            // Nothing was written out of order: one ticket, on its own day.
            let export = try KioskProcess.run(["export", "--data-dir", dir, "--date", "2026-03-02"])
            #expect(export.stdout.components(separatedBy: #""ev":"issue""#).count == 2)
        }
        // `kiosk serve` on the wall clock: refused when behind its own day's last event, and
        // started (that day resuming) when the journal holds a later day written while the PC's
        // clock was ahead (issue 12): WallClockTests and WrongClockAtBootTests.
    }

    /// Point 7: the journal records the hall that wrote it; export writes that hall, and says
    /// so when a day has no events.
    @Test func exportWritesTheHallThatWroteTheJournalAndRefusesAnEmptyDay() throws {
        try Self.withOneTicket(hall: Self.qingxi, service: "C", at: "2026-03-02 09:00") { _, _, data in
            // No --config: the hall the journal recorded, not the embedded default.
            let export = try KioskProcess.run(["export", "--data-dir", data, "--date", "2026-03-02"])
            #expect(export.status == 0, "\(export.stderr)")
            let meta = export.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(meta.contains("青溪县人社局"))
            #expect(meta.contains("医保窗口"))
            #expect(!meta.contains("连城"))
            let status = try KioskProcess.run(["status", "--data-dir", data, "--at", "2026-03-02 09:05"])
            #expect(status.stdout.hasPrefix("青溪县人社局"), "\(status.stdout)")

            let empty = try KioskProcess.run(["export", "--data-dir", data, "--date", "2026-03-05"])
            #expect(empty.status != 0)
            #expect(empty.stderr.contains("no events on 2026-03-05"))
            #expect(empty.stdout.isEmpty)
        }
    }

    /// Point 10: the demo shows what Kiosk is for at once: within its first ten hall minutes
    /// (20 s at the default ×30; here ×200 for 3 s) people wait with estimates, windows call,
    /// and a window pauses while a colleague covers it.
    @Test func theDemoIsBusyWithinItsFirstTenHallMinutes() throws {
        let result = try KioskProcess.run(["demo", "--no-display", "--seconds", "3", "--speed", "200", "--start-at", "08:00"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let issued = lines.filter { $0.contains("取号 ") }
        #expect(issued.count >= 12, "\(issued.count) tickets:\n\(result.stdout)")
        // Lines form: some ticket has people ahead of it.
        #expect(issued.contains { line in
            line.range(of: #"前面 [1-9][0-9]* 人"#, options: .regularExpression) != nil
        })
        #expect(lines.filter { $0.contains("号到 ") }.count >= 6)
        #expect(lines.contains { $0.contains("暂停服务") })
        #expect(lines.contains { $0.contains("顶替") })
        // Everything it reports happened before 08:10.
        #expect(lines.allSatisfy { line in
            guard let time = line.split(separator: " ").first, time.count == 8, time.contains(":") else { return true }
            return time < "08:11"
        })
    }
}
