import Foundation
import KioskTestSupport
import Testing

@Suite struct CLITests {
    @Test func configCheckAcceptsTheEmbeddedDefault() throws {
        let result = try KioskProcess.run(["config", "check"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ok — 11 services, 8 windows, 2 sessions"))
    }

    @Test func configCheckPrintsEveryProblemWithFileAndLine() throws {
        try FirstDayCLITests.withHallFile("""
        {
          "sessions": [["08:00", "12:00"], ["11:30", "25:00"]],
          "services": [
            {"code": "A", "name": "求职登记"},
            {"code": "A", "name": "重复"},
            {"code": "B", "name": "无人办理"}
          ],
          "counters": [
            {"id": "1", "services": ["A", "X"], "policy": "fifo"}
          ],
          "colour": "blue"
        }
        """) { _, path in
            let result = try KioskProcess.run(["config", "check", path])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.contains("\(path):2: sessions[1]: bad time \"25:00\" (expected HH:MM, 00:00–23:59)"))
            #expect(lines.contains("\(path):5: duplicate service code \"A\" (first defined at line 4)"))
            #expect(lines.contains("\(path):6: service \"B\" (无人办理) is served by no counter"))
            #expect(lines.contains("\(path):9: window \"1\" serves unknown service \"X\""))
            #expect(lines.contains { $0.hasPrefix("\(path):11: unknown key \"colour\"") })
        }
    }

    /// A data directory named by one letter, relative to the working directory, is made like
    /// any other (it crashed: Foundation's deletingLastPathComponent traps on a one-character path).
    @Test func aOneLetterDataDirectoryIsMadeNotACrash() throws {
        let dir = NSTemporaryDirectory() + "kiosk-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["d", "e/"] {
            let result = try KioskProcess.run(["take", "A", "--data-dir", name, "--at", "2026-03-02 09:00"], in: dir)
            #expect(result.status == 0, "\(name): \(result.stderr.prefix(300))")
            #expect(FileManager.default.fileExists(atPath: dir + "/" + name.prefix(1) + "/journal.sqlite"), "\(name)")
        }
    }

    /// The same hall state gives the same estimate in every process: a restarted daemon prints
    /// what it printed before, and a replay repeats. (Swift seeds dictionary order per process;
    /// the estimator once pooled samples in that order.)
    @Test func estimatesAreTheSameInEveryProcess() throws {
        let runs = try (0..<3).map { _ in try KioskProcess.run(["bench-estimator", "--tickets", "40", "--iterations", "3"]) }
        let checksums = runs.map { run in run.stdout.split(separator: ";").last.map(String.init) }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(checksums.allSatisfy { $0 != nil && $0!.contains("checksum") })
        #expect(Set(checksums.compactMap { $0 }).count == 1, "\(checksums)")
    }

    @Test func takeThenCallThroughTheJournal() throws {
        let dir = NSTemporaryDirectory() + "kiosk-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let at = ["--data-dir", dir, "--at", "2026-03-02 09:00"]
        let take = try KioskProcess.run(["take", "C", "--phone", "13800138000"] + at)
        #expect(take.status == 0)
        #expect(take.stdout.contains("ticket C001"))
        #expect(take.stdout.contains("请携带 身份证、解除劳动合同书"))
        #expect(take.stdout.contains("138****8000"))
        #expect(!take.stdout.contains("13800138000"))

        let call = try KioskProcess.run(["call", "3"] + at)
        #expect(call.status == 0)
        #expect(call.stdout.contains("请 C001 号到 3号窗口 办理"))

        let refused = try KioskProcess.run(["finish", "3"] + at)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("refused [invalid_transition]"))

        let badPhone = try KioskProcess.run(["take", "C", "--phone", "12345"] + at)
        #expect(badPhone.status != 0)
        #expect(badPhone.stderr.contains("not a mainland mobile number"))

        let export = try KioskProcess.run(["export", "--date", "2026-03-02", "--data-dir", dir])
        #expect(export.status == 0)
        #expect(export.stdout.contains(#""ev":"issue","ticket":"C001","service":"C","priority":0,"contact":true"#))
        #expect(!export.stdout.contains("13800138000"))
    }

    @Test func walkthroughCoversAMorning() throws {
        let result = try KioskProcess.run(["walkthrough"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("过号 C002 @ 3号窗口 (自动)"))
        #expect(result.stdout.contains("8号窗口 顶替 6号窗口"))
        #expect(result.stdout.contains("refused [unknown_service]"))
    }

    @Test func demoRunsASimulatedHallThroughTheDaemon() throws {
        let result = try KioskProcess.run(["demo", "--seconds", "4", "--speed", "300", "--start-at", "08:55"])
        #expect(result.status == 0, "\(result.stderr)")
        // Citizens arrive and take tickets, clerks call them: both through the daemon's hall.
        #expect(result.stdout.contains("取号 "))
        #expect(result.stdout.contains("号到 "))
        #expect(result.stdout.contains("开始办理 "))
    }
}
