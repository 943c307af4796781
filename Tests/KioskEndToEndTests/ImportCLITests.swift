import Foundation
import KioskTestSupport
import Testing

/// `kiosk import` is `kiosk export` backwards: a day exported from one hall and imported into
/// an empty data directory exports again to the same text and reports the same figures.
@Suite struct ImportCLITests {
    @Test func anExportedDayImportsIntoAnotherJournalOnce() throws {
        let root = NSTemporaryDirectory() + "kiosk-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let hall = root + "/hall", copy = root + "/copy", trace = root + "/day.jsonl"
        for (verb, time) in [(["take", "A"], "09:00"), (["take", "B"], "09:01"), (["call", "1"], "09:02"), (["start", "1"], "09:03"), (["finish", "1"], "09:10")] {
            let run = try KioskProcess.run(verb + ["--data-dir", hall, "--at", "2026-03-02 " + time])
            #expect(run.status == 0, "\(verb): \(run.stderr)")
        }
        #expect(try KioskProcess.run(["export", "--date", "2026-03-02", "--data-dir", hall, "-o", trace]).status == 0)

        // Every line but meta and end is an event (the day's start and session opening too).
        let events = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").count - 2
        #expect(events > 5)
        let imported = try KioskProcess.run(["import", trace, "--data-dir", copy])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 2026-03-02: \(events) events (journal seq 1–\(events))"), "\(imported.stdout)")
        let again = try KioskProcess.run(["export", "--date", "2026-03-02", "--data-dir", copy])
        #expect(again.stdout == (try String(contentsOfFile: trace, encoding: .utf8)))
        let reports = try [hall, copy].map { try KioskProcess.run(["report", "--date", "2026-03-02", "--format", "json", "--data-dir", $0]) }
        #expect(reports[0].status == 0 && reports[0].stdout.contains("\"issued\""), "\(reports[0].stdout)")
        #expect(reports[0].stdout == reports[1].stdout)

        let twice = try KioskProcess.run(["import", trace, "--data-dir", copy])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("the journal already holds 2026-03-02 (\(events) events)"), "\(twice.stderr)")
        #expect(twice.stderr.contains("nothing imported"))

        try "{\"ev\":\"issue\"}\n".write(toFile: root + "/bad.jsonl", atomically: true, encoding: .utf8)
        let bad = try KioskProcess.run(["import", root + "/bad.jsonl", "--data-dir", copy])
        #expect(bad.status == 1 && bad.stderr.contains("bad.jsonl:1: the first line must be the meta line"), "\(bad.stderr)")
    }
}
