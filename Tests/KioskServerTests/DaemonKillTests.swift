import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// "Nothing acknowledged is ever lost", over HTTP: a 201 means the ticket survives kill -9.
@Suite(.timeLimit(.minutes(5)))
struct DaemonKillTests {
    /// Services that issue all morning without a quota (G has one, H closes at noon: fine at 09:xx).
    static let services = ["A", "B", "C", "D", "E", "F", "J", "K", "L"]

    @Test func everyTicketAnswered201SurvivesSigkillAndNumberingContinues() async throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["KIOSK_DAEMON_KILL_SEED"] ?? "") ?? 20_260_302
        let cycles = Int(ProcessInfo.processInfo.environment["KIOSK_DAEMON_KILL_CYCLES"] ?? "") ?? 8
        var rng = SplitMix64(seed: seed)
        let config = HallConfig.defaultHall
        let dataDirectory = NSTemporaryDirectory() + "kiosk-daemon-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let tokens = AccessTokens.forTests(config)
        let tokensFile = dataDirectory + "/tokens.json"
        try tokens.jsonValue.serialized().write(toFile: tokensFile, atomically: true, encoding: .utf8)

        let acknowledged = Collected<String>()
        var previousCount = 0
        for cycle in 0..<cycles {
            let daemon = DaemonProcess(dataDir: dataDirectory)
            defer { daemon.kill() }
            try await daemon.start(at: "2026-03-02 09:00", tokens: tokensFile)
            let api = APIClient(port: daemon.port, tokens: tokens, concurrency: 8)
            let killAfter = Int.random(in: 100...600, using: &rng)
            let clientSeeds = (0..<8).map { _ in rng.next() }

            try await withThrowingTaskGroup(of: Void.self) { group in
                for clientSeed in clientSeeds {
                    group.addTask {
                        var rng = SplitMix64(seed: clientSeed)
                        // Take tickets until the daemon is gone.
                        while true {
                            let service = Self.services.randomElement(using: &rng)!
                            let answer: APIResponse
                            do {
                                // A supervisor's override: with nobody served, the line soon passes closing time
                                // and the kiosk would (rightly) refuse with closes_before_turn.
                                answer = try await api.take(service, as: .supervisor, override: true, timeout: 5)
                            } catch {
                                return
                            }
                            if answer.status == 201, let ticket = answer.json?["ticket"]?.stringValue {
                                acknowledged.append(ticket)
                            } else {
                                Issue.record("cycle \(cycle): take \(service) answered \(answer.status) \(answer.text)")
                                return
                            }
                        }
                    }
                }
                // Kill at a seeded moment while the clients are taking tickets: counted from the
                // cycle's first answer, so a slow start on a loaded machine cannot make a cycle empty.
                let before = previousCount
                _ = await eventually(within: 20, every: .milliseconds(5)) { acknowledged.count != before }
                try await Task.sleep(for: .milliseconds(killAfter))
                daemon.kill()
                try await group.waitForAll()
            }
            let count = acknowledged.count
            #expect(count > previousCount, "cycle \(cycle) acknowledged nothing before the kill")
            previousCount = count
        }

        let journal = try SQLiteJournal(path: dataDirectory + "/journal.sqlite", calendar: QueueEngine(config: config).calendar)
        let issued = try journal.events(on: TestHall.monday).compactMap(\.event.issuedTicket)
        let acked = acknowledged.all
        let lost = Set(acked).subtracting(issued)
        let duplicates = issued.count - Set(issued).count
        print("daemon-kill-test: seed=\(seed) cycles=\(cycles) acknowledged=\(acked.count) in-journal=\(issued.count) lost=\(lost.count) duplicates=\(duplicates)")

        #expect(lost.isEmpty, "acknowledged but missing: \(lost.sorted())")
        #expect(duplicates == 0)
        #expect(Set(acked).count == acked.count, "a number was acknowledged twice: numbering reused after a restart")
        // Per service the numbers run 1, 2, 3… across every restart: no reuse, no hole.
        for service in Self.services {
            let numbers = issued.filter { $0.hasPrefix(service) }.compactMap { Int($0.dropFirst()) }
            #expect(numbers == Array(1...max(numbers.count, 1)).prefix(numbers.count).map { $0 }, "\(service): \(numbers.prefix(20))…")
        }
        // Committed but never answered: at most the commands in flight at each kill (8 clients).
        #expect(issued.count - acked.count <= 8 * cycles)
    }
}
