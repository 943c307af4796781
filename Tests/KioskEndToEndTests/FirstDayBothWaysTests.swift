import Foundation
import KioskTestSupport
import Testing

/// Issue 14, point 6: the CLI as its help describes it. `status`, `stats` and `export` work
/// against the daemon and on a journal (`--data-dir`); a window's command names the window as
/// the hall does; a missing token file says so; `--version` names the commit.
@Suite(.serialized) struct FirstDayBothWaysTests {
    @Test func statusStatsAndExportWorkAgainstTheDaemonAndOnItsJournal() async throws {
        try await FirstDayCLITests.withHallFile(FirstDayCLITests.qingxi) { dir, config in
            let daemon = DaemonProcess(dataDir: dir + "/var")
            try await daemon.start(at: "2026-03-02 09:00", config: config)
            defer { daemon.stop() }
            // The CLI without --config: it knows the hall only from the daemon's answers.
            let remote = ["--server", daemon.base, "--token-file", daemon.tokensPath]

            let take = try KioskProcess.run(["take", "C"] + remote, in: dir)
            #expect(take.status == 0, "\(take.stderr)")
            let call = try KioskProcess.run(["call", "3"] + remote, in: dir)
            #expect(call.status == 0, "\(call.stderr)")
            // The window's own name, as on the hall screen and in the SMS (was 3号窗口).
            #expect(call.stdout.contains("请 C001 号到 医保窗口 办理"), "\(call.stdout)")
            #expect(!call.stdout.contains("3号窗口"))

            let status = try KioskProcess.run(["status"] + remote, in: dir)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.hasPrefix("青溪县人社局 · 2026-03-02"), "\(status.stdout)")
            #expect(status.stdout.contains("医保窗口 [C] 开放 · C001 called"), "\(status.stdout)")
            #expect(status.stdout.contains("B 社保参保: 0"), "\(status.stdout)")

            let stats = try KioskProcess.run(["stats"] + remote, in: dir)
            #expect(stats.status == 0, "\(stats.stderr)")
            #expect(stats.stdout.contains("called with an estimate: 1"), "\(stats.stdout)")

            // A transfer names both lines as the daemon's hall does (the CLI's embedded hall
            // calls C 失业登记/失业证 and B 职业介绍).
            let transfer = try KioskProcess.run(["transfer", "3", "B"] + remote, in: dir)
            #expect(transfer.status == 0, "\(transfer.stderr)")
            #expect(transfer.stdout.contains("转办 C001: 医保报销 → 社保参保"), "\(transfer.stdout)")

            let export = try KioskProcess.run(["export", "--date", "2026-03-02"] + remote, in: dir)
            #expect(export.status == 0, "\(export.stderr)")
            let lines = export.stdout.split(separator: "\n")
            #expect(lines.first?.contains("青溪县人社局") == true)
            #expect(lines.contains { $0.contains(#""ev":"call""#) && $0.contains(#""ticket":"C001""#) })
            let empty = try KioskProcess.run(["export", "--date", "2026-03-05"] + remote, in: dir)
            #expect(empty.status == 1)
            #expect(empty.stderr.contains("no events on 2026-03-05"), "\(empty.stderr)")
            #expect(empty.stdout.isEmpty)

            // The same figures read from the journal directly, with the daemon stopped.
            daemon.stop()
            let local = try KioskProcess.run(["stats", "--data-dir", dir + "/var", "--at", "2026-03-02 12:00"], in: dir)
            #expect(local.status == 0, "\(local.stderr)")
            #expect(local.stdout == stats.stdout, "from the journal:\n\(local.stdout)\nfrom the daemon:\n\(stats.stdout)")
            let localExport = try KioskProcess.run(["export", "--data-dir", dir + "/var", "--date", "2026-03-02"], in: dir)
            #expect(localExport.stdout == export.stdout)
        }
    }

    /// No token file: the CLI says which file it could not read, before asking the daemon
    /// anything (it said `refused [unauthorized]`).
    @Test(arguments: [["call", "3"], ["status"], ["stats"], ["export"]])
    func aMissingTokenFileIsNamed(command: [String]) throws {
        try FirstDayCLITests.withTempFolder { dir in
            let result = try KioskProcess.run(command + ["--server", "http://127.0.0.1:\(try freePort())"], in: dir)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("cannot read the token file ./var/tokens.json"), "\(result.stderr)")
            #expect(!result.stderr.contains("unauthorized"))
        }
    }

    /// `kiosk --version`: the release and the commit of this repository it was built from.
    @Test func versionNamesTheCommitItWasBuiltFrom() throws {
        let result = try KioskProcess.run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pattern = #"^kiosk [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{12})(-dirty)?\)$"#
        let match = try #require(line.range(of: pattern, options: .regularExpression), "\(line)")
        let commit = String(line[match].split(separator: " ")[3].prefix(12))
        let known = try runCommand("git", ["-C", KioskBinary.repository, "cat-file", "-e", commit + "^{commit}"])
        #expect(known.status == 0, "\(commit) is not a commit of \(KioskBinary.repository)")
    }
}
