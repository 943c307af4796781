import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// When the disk refuses a commit, the command answers 503 `journal_unavailable`, the hall's
/// state is the journal's again (nothing unacknowledged stays in memory), the log says so once
/// per 10 s per kind, and the daemon writes again without a restart when the disk does. The
/// fault is real: a file-size limit (`RLIMIT_FSIZE`) set on the running daemon with `prlimit`,
/// so SQLite's next write to the WAL fails with EFBIG.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct DiskFaultTests {
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test func aFileSizeLimitFailsCommitsWith503AndTheDaemonRecoversWithoutARestart() async throws {
        let served = try await DataDirectoryFixture.serving(startAt: "2026-03-02 09:00")
        defer { served.stop() }
        let (data, daemon, api) = (served.data, served.daemon, served.api)
        let pid = try #require(daemon.pid)
        #expect(try await api.take("A").json?["ticket"]?.stringValue == "A001")

        // The next WAL frame goes at the end of the WAL: a limit at its size refuses it, while
        // the (smaller) log file can still be written.
        let limit = Self.fileSize(data.journal + "-wal")
        try #require(limit > Self.fileSize(daemon.logPath) + 8192, "WAL \(limit) B, log \(Self.fileSize(daemon.logPath)) B")
        #expect(try runCommand("prlimit", ["--pid", String(pid), "--fsize=\(limit):unlimited"]).status == 0)
        let faultStarted = ContinuousClock.now

        for _ in 0..<6 {
            expectError(try await api.take("A"), 503, "journal_unavailable")
        }
        expectError(try await api.window("1", "call"), 503, "journal_unavailable")
        let health = try await api.get("/healthz")
        #expect(health.json?["journal"]?.stringValue == "unavailable", "\(health.text)")
        // Memory is the journal: A001 alone waits, none of the refused tickets.
        let hall = try await api.get("/v1/hall", as: .display)
        let waitingA = hall.json?["services"]?.arrayValue?.first { $0["code"]?.stringValue == "A" }
        #expect(waitingA?["waiting"]?.intValue == 1, "\(hall.text)")
        #expect(try data.issuedTickets() == ["A001"])
        #expect(daemon.isRunning, "SIGXFSZ must not kill the daemon")
        let faultSeconds = (ContinuousClock.now - faultStarted).components.seconds

        // The disk recovers: the very next command commits, no restart.
        #expect(try runCommand("prlimit", ["--pid", String(pid), "--fsize=unlimited"]).status == 0)
        let recovered = try await api.take("A")
        #expect(recovered.status == 201 && recovered.json?["ticket"]?.stringValue == "A002", "\(recovered.text)")
        #expect(try await api.window("1", "call").status == 200)
        #expect(try await api.get("/healthz").json?["journal"]?.stringValue == "ok")
        #expect(try data.issuedTickets() == ["A001", "A002"])

        // Seven failed commits (and the ticks between them), one line per 10 s of fault.
        let failures = daemon.log.components(separatedBy: "journal write failed").count - 1
        #expect(failures >= 1 && failures <= 1 + Int(faultSeconds) / 10, "\(failures) lines in \(faultSeconds) s:\n\(daemon.log.suffix(3000))")
        #expect(daemon.log.contains("journal writes again"))
    }
}
