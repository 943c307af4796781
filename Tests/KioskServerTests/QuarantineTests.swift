import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// One unreadable journal row costs the hall that one event, never its day: the row is moved to
/// `journal_quarantine` with its error and position, the daemon starts, `/healthz` says the
/// journal is degraded, and no route answers 5xx because of it. Rows are corrupted with the
/// real `sqlite3`, in the real daemon's journal.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct QuarantineTests {
    /// Overwrites the line of the `n`-th issue event of `date` (1-based) with broken JSON.
    /// Returns the row's sequence number.
    static func corruptIssue(_ n: Int, on date: String, in data: DataDirectoryFixture) throws -> Int64 {
        let select = "SELECT seq FROM event WHERE business_date = '\(date)' AND line LIKE '%\"ev\":\"issue\"%' ORDER BY seq LIMIT 1 OFFSET \(n - 1)"
        let found = try runCommand("sqlite3", [data.journal, select])
        let seq = try #require(Int64(found.output.trimmingCharacters(in: .whitespacesAndNewlines)), "no issue #\(n) on \(date): \(found.output)")
        let update = try runCommand("sqlite3", ["-cmd", ".timeout 10000", data.journal, "UPDATE event SET line = '{\"ev\":\"issue\",\"tick' WHERE seq = \(seq)"])
        #expect(update.status == 0)
        return seq
    }

    static func quarantine(in data: DataDirectoryFixture) throws -> [String] {
        try runCommand("sqlite3", [data.journal, "SELECT seq || ' ' || error FROM journal_quarantine ORDER BY seq"])
            .output.split(separator: "\n").map(String.init)
    }

    @Test func unreadableRowsOfTodayAndAWarmStartDayAreQuarantinedAndTheHallRuns() async throws {
        let data = try DataDirectoryFixture()
        defer { data.remove() }
        // The previous business day (the estimator's warm start) and this morning, written by
        // the CLI as the one writer.
        for (date, count) in [("2026-02-27", 4), ("2026-03-02", 4)] {
            let take = try await runKiosk(["take", "A", "--count", String(count), "--data-dir", data.path, "--at", "\(date) 09:00"])
            #expect(take.status == 0, "\(take.stderr)")
        }
        let warmStartRow = try Self.corruptIssue(2, on: "2026-02-27", in: data)
        let todayRow = try Self.corruptIssue(2, on: "2026-03-02", in: data)

        try data.writeTokens()
        let (daemon, api) = try await data.serve(startAt: "2026-03-02 09:05")
        defer { daemon.kill() }
        let health = try await api.get("/healthz")
        #expect(health.status == 200)
        #expect(health.json?["journal"]?.stringValue == "degraded", "\(health.text)")
        #expect(health.json?["quarantined_rows"]?.intValue == 2, "\(health.text)")
        let moved = try Self.quarantine(in: data)
        #expect(moved.count == 2 && moved[0].hasPrefix("\(warmStartRow) ") && moved[1].hasPrefix("\(todayRow) "), "\(moved)")
        let left = try runCommand("sqlite3", [data.journal, "SELECT COUNT(*) FROM event WHERE seq IN (\(warmStartRow), \(todayRow))"])
        #expect(left.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

        // The rest of today is there: A001, A003, A004 wait; numbers go on after the highest.
        let hall = try await api.get("/v1/hall", as: .supervisor)
        #expect(hall.status == 200)
        #expect(hall.json?["journal"]?["state"]?.stringValue == "degraded", "the supervisor sees it: \(hall.text)")
        let next = try await api.take("A")
        #expect(next.status == 201 && next.json?["ticket"]?.stringValue == "A005", "\(next.text)")

        // A row that goes bad while the daemon runs, later than a screen's resume point: the
        // stream still answers, without it.
        let laterRow = try Self.corruptIssue(3, on: "2026-03-02", in: data)
        let stream = try await EventStreamConnection.open(
            port: daemon.port, token: data.tokens.display, headers: [("Last-Event-ID", String(laterRow - 1))]
        )
        defer { stream.close() }
        #expect(stream.status == 200)
        let lastSeq = Int64(try runCommand("sqlite3", [data.journal, "SELECT MAX(seq) FROM event"]).output.trimmingCharacters(in: .whitespacesAndNewlines))!
        try await stream.read(throughID: lastSeq)
        #expect(!stream.ids.contains(laterRow))
        #expect(stream.ids.contains(lastSeq))
        let after = try await api.get("/healthz")
        #expect(after.json?["quarantined_rows"]?.intValue == 3, "\(after.text)")
        for path in ["/v1/services", "/v1/tickets/A001", "/v1/stats", "/v1/export?date=2026-03-02"] {
            let answer = try await api.get(path, as: path.contains("export") ? .admin : .display)
            #expect(answer.status < 500, "\(path): \(answer.status) \(answer.text)")
        }
    }
}
