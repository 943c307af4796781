import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The data directory holds citizens' phone numbers and the hall's tokens: only its owner may
/// read it, and a purged number is gone from every byte of it. Real daemon, real files.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct PrivateDataTests {
    static let phones = ["13811110001", "13811110002", "13811110003"]
    static let caretakers = ["13922220001", "13922220002", "13922220003"]

    /// Takes a ticket with a phone and a caretaker's phone.
    static func take(_ service: String, phone: String, caretaker: String, on api: APIClient) async throws -> APIResponse {
        try await api.send(.post, "/v1/tickets", as: .kiosk, json: [
            "service": .string(service), "phone": .string(phone), "caretaker_phone": .string(caretaker),
        ])
    }

    @Test func theDataDirectoryIs0700AndEveryFileKioskCreatesIs0600() async throws {
        let data = try DataDirectoryFixture()
        defer { data.remove() }
        // No tokens file given: the daemon creates it itself.
        let daemon = DaemonProcess(dataDir: data.path)
        defer { daemon.kill() }
        try await daemon.start(at: "2026-03-02 09:00")
        let tokens = try AccessTokens.load(json: String(contentsOfFile: data.tokensFile, encoding: .utf8))
        let api = APIClient(port: daemon.port, tokens: tokens)
        let answer = try await Self.take("C", phone: Self.phones[0], caretaker: Self.caretakers[0], on: api)
        #expect(answer.status == 201, "\(answer.text)")
        // The log outbox writes the "issued" messages to its file.
        #expect(try await eventually(within: 20) { FileManager.default.fileExists(atPath: data.path + "/sms-outbox.log") })

        #expect(data.mode("") == 0o700)
        for name in ["journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm", "tokens.json", "kiosk.lock", "sms-outbox.log"] {
            #expect(data.mode(name) == 0o600, "\(name): \(data.mode(name).map { String($0, radix: 8) } ?? "missing")")
        }
        // Created so, not tightened afterwards: the only things the daemon had to tighten are
        // the harness's own (the directory and serve.log, made with the test's umask).
        let tightened = daemon.log.split(separator: "\n").filter { $0.contains("permissions tightened") }
        #expect(tightened.allSatisfy { $0.contains("\(data.path) 0755") || $0.contains("/serve.log ") }, "\(tightened)")
        // serve.log is the test harness's (the daemon's output), not Kiosk's: every other file is Kiosk's own.
        for name in data.files() where name != "serve.log" {
            #expect(data.mode(name) == 0o600, "\(name): \(data.mode(name).map { String($0, radix: 8) } ?? "?")")
        }
    }

    @Test func looseFilesFromBeforeAreTightenedAtStartWithAWarning() async throws {
        let data = try DataDirectoryFixture()
        defer { data.remove() }
        let at = ["--data-dir", data.path, "--at", "2026-03-02 09:00"]
        let first = try await runKiosk(["take", "A", "--phone", Self.phones[0]] + at)
        #expect(first.status == 0, "\(first.stderr)")
        // As an older Kiosk, a copy or a careless umask would have left them.
        chmod(data.path, 0o755)
        for name in data.files() { chmod(data.path + "/" + name, 0o644) }
        try "{}".write(toFile: data.path + "/notes.txt", atomically: false, encoding: .utf8)
        chmod(data.path + "/notes.txt", 0o664)

        let second = try await runKiosk(["take", "A"] + at)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("permissions tightened: \(data.path) 0755 → 0700"), "\(second.stderr)")
        #expect(second.stderr.contains("permissions tightened: \(data.path)/journal.sqlite 0644 → 0600"), "\(second.stderr)")
        #expect(second.stderr.contains("permissions tightened: \(data.path)/notes.txt 0664 → 0600"), "\(second.stderr)")
        #expect(data.mode("") == 0o700)
        for name in data.files() { #expect(data.mode(name) == 0o600, "\(name)") }

        // The daemon does the same, and says so in its log.
        chmod(data.path + "/journal.sqlite", 0o644)
        try data.writeTokens()
        let (daemon, _) = try await data.serve(startAt: "2026-03-02 09:05")
        daemon.stop()
        let log = try String(contentsOfFile: data.path + "/serve.log", encoding: .utf8)
        #expect(log.contains("permissions tightened: \(data.path)/journal.sqlite 0644 → 0600"), "\(log)")
        #expect(data.mode("journal.sqlite") == 0o600)
        #expect(data.mode("tokens.json") == 0o600)
    }

    /// Numbers purged after their business day are in no file of the data directory: not in
    /// the database's free space, not in the WAL, not in a log.
    @Test func purgedPhoneNumbersAreInNoFileOfTheDataDirectory() async throws {
        let data = try DataDirectoryFixture()
        defer { data.remove() }
        try data.writeTokens()
        let numbers = Self.phones + Self.caretakers
        do {
            let (daemon, api) = try await data.serve(startAt: "2026-03-02 09:00")
            defer { daemon.kill() }
            for (i, service) in ["A", "B", "C"].enumerated() {
                let answer = try await Self.take(service, phone: Self.phones[i], caretaker: Self.caretakers[i], on: api)
                #expect(answer.status == 201, "\(answer.text)")
            }
            // Messages go out (each outbox row is rewritten as it moves on), and the numbers are
            // on disk: the check below can find them.
            #expect(try await eventually(within: 20) {
                ((try? String(contentsOfFile: data.path + "/sms-outbox.log", encoding: .utf8)) ?? "").split(separator: "\n").count >= 3
            })
            #expect(try !data.stringsHits(numbers).isEmpty, "the numbers should be on disk during their day")
            daemon.stop()
            #expect(daemon.exitStatus == 0)
        }
        // The next business day: the previous day's numbers are purged.
        let (daemon, _) = try await data.serve(startAt: "2026-03-03 09:00")
        defer { daemon.kill() }
        let purged = try await eventually(within: 20) { try data.stringsHits(numbers).isEmpty }
        #expect(purged, "while running: \((try? data.stringsHits(numbers)) ?? [])")
        daemon.stop()
        #expect(daemon.exitStatus == 0)
        let left = try data.stringsHits(numbers)
        #expect(left.isEmpty, "after shutdown: \(left)")
    }
}
