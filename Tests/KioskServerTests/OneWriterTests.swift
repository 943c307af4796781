import Foundation
import KioskCore
import KioskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One writer per data directory: a second daemon or a queue command on a live daemon's
/// directory exits at once with who holds it and leaves the journal byte-for-byte as it was;
/// commands that only read work beside the daemon.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct OneWriterTests {
    static func inUse(by pid: Int32) -> String { "数据目录正被 PID \(pid) 使用 data directory in use by PID \(pid)" }

    @Test func aSecondDaemonOnTheSameDirectoryExitsAndWritesNothing() async throws {
        let served = try await DataDirectoryFixture.serving(startAt: "2026-03-02 09:00")
        defer { served.stop() }
        let (data, daemon, api) = (served.data, served.daemon, served.api)
        #expect(try await api.take("A").status == 201)
        // Quiet now (nothing due, nobody with a phone): what is on disk stays as it is.
        let before = data.journalBytes()

        let second = try await runKiosk(
            ["serve", "--data-dir", data.path, "--port", String(try freePort()), "--start-at", "2026-03-03 09:00"], timeout: 20
        )
        #expect(second.status != 0 && second.status != -1, "the second daemon must exit by itself, non-zero: \(second.status)")
        #expect(second.stderr.contains(Self.inUse(by: daemon.pid ?? -1)), "\(second.stderr)")
        #expect(data.journalBytes() == before, "the second daemon changed the journal")
        // The first one is unharmed and still the hall.
        #expect(try await api.take("A").json?["ticket"]?.stringValue == "A002")
    }

    @Test func aQueueCommandOnALiveDaemonsDirectoryIsRefusedAndReadsStillWork() async throws {
        let served = try await DataDirectoryFixture.serving(startAt: "2026-03-02 09:00")
        defer { served.stop() }
        let (data, daemon, api) = (served.data, served.daemon, served.api)
        #expect(try await api.take("C").status == 201)
        let before = data.journalBytes()

        let take = try await runKiosk(["take", "C", "--data-dir", data.path, "--at", "2026-03-02 09:01"], timeout: 20)
        #expect(take.status == 1, "\(take.status) \(take.stderr)")
        #expect(take.stderr.contains(Self.inUse(by: daemon.pid ?? -1)), "\(take.stderr)")
        #expect(!take.stdout.contains("ticket"))
        let call = try await runKiosk(["call", "3", "--data-dir", data.path, "--at", "2026-03-02 09:01"], timeout: 20)
        #expect(call.status == 1 && call.stderr.contains(Self.inUse(by: daemon.pid ?? -1)), "\(call.stderr)")
        #expect(data.journalBytes() == before, "a refused command changed the journal")

        // Looking is fine while the daemon runs, and writes nothing.
        let export = try await runKiosk(["export", "--data-dir", data.path, "--date", "2026-03-02"], timeout: 20)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains(#""ev":"issue","ticket":"C001""#))
        let status = try await runKiosk(["status", "--data-dir", data.path, "--at", "2026-03-02 09:01"], timeout: 20)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("C 失业登记/失业证: 1 — C001"), "\(status.stdout)")
        #expect(data.journalBytes() == before, "a read-only command changed the journal")

        // Once the daemon is gone (even by kill -9: the kernel drops the lock), the command works.
        daemon.kill()
        let after = try await runKiosk(["take", "C", "--data-dir", data.path, "--at", "2026-03-02 09:02"], timeout: 20)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("ticket C002"), "\(after.stdout)")
    }

    @Test func twoQueueCommandsAtOnceTakeTurnsOrOneIsRefused() async throws {
        let data = try DataDirectoryFixture()
        defer { data.remove() }
        // Many small commands against one directory at the same time: each either commits as
        // the only writer or is refused whole; numbers never repeat.
        async let a = runKiosk(["take", "B", "--count", "30", "--data-dir", data.path, "--at", "2026-03-02 09:00"], timeout: 60)
        async let b = runKiosk(["take", "B", "--count", "30", "--data-dir", data.path, "--at", "2026-03-02 09:00"], timeout: 60)
        let results = try await [a, b]
        let tickets = results.flatMap { $0.stdout.split(separator: "\n").filter { $0.hasPrefix("ticket ") } }
        for result in results {
            #expect(result.status == 0 || (result.status == 1 && result.stderr.contains("data directory in use by PID")), "\(result.stderr)")
        }
        #expect(results.contains { $0.status == 0 })
        #expect(Set(tickets).count == tickets.count)
    }
}
