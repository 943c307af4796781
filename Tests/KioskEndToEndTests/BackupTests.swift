import Foundation
import KioskCore
import KioskHTTPClient
import KioskStore
import KioskTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kiosk backup`, `verify` and `restore` as a hall's IT person runs them, against a real
/// daemon process: a copy taken in the middle of a rush holds everything acknowledged before
/// it began and verifies.
@Suite(.serialized) struct BackupTests {
    /// Eight services so 64 clients never run out of numbers.
    static let busyHall = HallConfig(
            name: "备份测试大厅", nameEN: "Backup test hall",
            sessions: [TimeSpan(ClockTime(hour: 8, minute: 0), ClockTime(hour: 17, minute: 0))],
            services: ["A", "B", "C", "D", "E", "F", "G", "H"].map { ServiceConfig(code: $0, name: "业务\($0)", documents: ["身份证"]) },
            counters: [CounterConfig(id: "1", services: ["A", "B", "C", "D", "E", "F", "G", "H"])]
        )
    /// The hall's file, without the kiosk rate limit: a rush of 64 machines, not one.
    static var busyHallFile: String {
        var hall = busyHall
        hall.limits.kioskIssueBurst = 0
        return hall.jsonValue.serialized()
    }

    @Test func aBackupTakenDuringA64ClientIssueBurstHoldsEveryAcknowledgedTicketAndVerifies() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-backup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let configPath = dir + "/hall.json"
        try Self.busyHallFile.write(toFile: configPath, atomically: true, encoding: .utf8)
        let daemon = DaemonProcess(dataDir: dir + "/data")
        try await daemon.start(at: "2026-03-02 09:00", config: configPath)
        defer { daemon.stop() }
        let token = try daemon.token("kiosk")

        let burst = IssueBurst(base: daemon.base, token: token, clients: 64, services: Self.busyHall.services.map(\.code))
        let running = Task { await burst.run() }
        try await eventually("200 tickets acknowledged", within: 60) { burst.acknowledged.count >= 200 }
        let acknowledgedBefore = burst.acknowledged
        let backupFile = dir + "/nightly.sqlite"
        // Launched and awaited without blocking a thread: the burst's clients go on meanwhile.
        let backup = Process()
        backup.executableURL = KioskBinary.url
        backup.arguments = ["backup", "--data-dir", dir + "/data", "--config", configPath, backupFile]
        backup.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/backup.out").creatingEmpty())
        backup.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/backup.err").creatingEmpty())
        try backup.run()
        try await eventually("kiosk backup to finish", within: 120) { !backup.isRunning }
        // The rush goes on after the copy: the daemon was never paused for it.
        try await eventually("64 more tickets after the backup", within: 60) { burst.acknowledged.count >= acknowledgedBefore.count + 64 }
        burst.stop()
        await running.value

        let output = try String(contentsOfFile: dir + "/backup.out", encoding: .utf8)
        #expect(backup.terminationStatus == 0, "\((try? String(contentsOfFile: dir + "/backup.err", encoding: .utf8)) ?? "")")
        #expect(output.contains("verified"), "\(output)")
        #expect(burst.failures.isEmpty, "the daemon refused while the backup ran: \(burst.failures.prefix(5))")
        #expect(try mode(backupFile) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: backupFile + "-wal"), "a backup is one file")

        let verify = try KioskProcess.run(["verify", "--config", configPath, backupFile])
        #expect(verify.status == 0 && verify.stdout.contains("ok:"), "\(verify.stdout) \(verify.stderr)")
        let report = try JournalVerifier(config: Self.busyHall).verify(file: backupFile)
        let inBackup = report.issuedTickets[try #require(BusinessDate("2026-03-02"))] ?? []
        let missing = acknowledgedBefore.subtracting(inBackup)
        #expect(missing.isEmpty, "\(missing.count) acknowledged tickets missing from the backup: \(missing.sorted().prefix(10))")
        #expect(inBackup.count >= acknowledgedBefore.count)
    }

    @Test func keepLeavesTheNewestDatedCopiesAndVerifyRefusesADamagedOne() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-backup-keep-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let daemon = DaemonProcess(dataDir: dir + "/data")
        try await daemon.start(at: "2026-03-02 09:00")
        defer { daemon.stop() }
        #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: daemon.token("kiosk")) == 201)

        let folder = dir + "/backups"
        for _ in 0..<3 {
            let run = try KioskProcess.run(["backup", "--data-dir", dir + "/data", "--keep", "2", folder])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sqlite") }.sorted()
        #expect(copies.count == 2, "\(copies)")
        #expect(try mode(folder) == 0o700)

        // A row the daemon would not be able to read: verify names it and fails.
        let damaged = folder + "/" + (try #require(copies.last))
        let sql = try runCommand("sqlite3", [damaged, "UPDATE event SET line = '{\"ev\":\"issue\"' WHERE seq = (SELECT MAX(seq) FROM event);"])
        #expect(sql.status == 0, "\(sql.output)")
        let verify = try KioskProcess.run(["verify", damaged])
        #expect(verify.status == 1 && verify.stderr.contains("journal row"), "\(verify.status) \(verify.stdout) \(verify.stderr)")
    }

    @Test func restoreRefusesWhileTheDaemonRunsThenPutsTheBackupBackAndSetsTheOldJournalAside() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-restore-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        let daemon = DaemonProcess(dataDir: data)
        try await daemon.start(at: "2026-03-02 09:00")
        defer { daemon.stop() }
        let kiosk = try daemon.token("kiosk")
        #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: kiosk) == 201)
        let backup = try KioskProcess.run(["backup", "--data-dir", data, dir + "/before.sqlite"])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try daemon.post("/v1/tickets", #"{"service":"A"}"#, token: kiosk) == 201)   // A002, after the backup

        let refused = try KioskProcess.run(["restore", "--data-dir", data, dir + "/before.sqlite"])
        #expect(refused.status == 1 && refused.stderr.contains("data directory in use by PID"), "\(refused.status) \(refused.stderr)")
        #expect(try daemon.request("GET", "/v1/tickets/A002").status == 200, "a refused restore changed the running hall")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).allSatisfy { !$0.contains("before-restore") })

        daemon.stop()
        let restored = try KioskProcess.run(["restore", "--data-dir", data, dir + "/before.sqlite"])
        #expect(restored.status == 0, "\(restored.stderr)")
        let aside = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasPrefix("journal.sqlite.before-restore-") && !$0.hasSuffix("-wal") }
        #expect(aside.count == 1, "\(aside)")
        #expect(try mode(data + "/journal.sqlite") == 0o600)

        try await daemon.start(at: "2026-03-02 09:00")
        #expect(try daemon.request("GET", "/v1/tickets/A001").status == 200)
        #expect(try daemon.request("GET", "/v1/tickets/A002").status == 404, "the restored journal is the backup's")
        let setAside = try JournalVerifier(config: .defaultHall).verify(file: data + "/" + (try #require(aside.first)))
        #expect(setAside.issuedTickets.values.contains { $0.contains("A002") }, "the replaced journal kept its last ticket")

        // A damaged copy is never restored.
        _ = try runCommand("sqlite3", [dir + "/before.sqlite", "UPDATE event SET line = 'x' WHERE seq = 1;"])
        daemon.stop()
        let damaged = try KioskProcess.run(["restore", "--data-dir", data, dir + "/before.sqlite"])
        #expect(damaged.status == 1 && damaged.stderr.contains("not sound"), "\(damaged.status) \(damaged.stderr)")
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }
}

extension URL {
    /// Creates an empty file here (for a child process's output) and returns the URL.
    func creatingEmpty() -> URL {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return self
    }
}

/// `clients` ticket machines issuing as fast as they can until stopped; what the daemon
/// acknowledged (201) is recorded the moment the answer arrives.
final class IssueBurst: Sendable {
    let base: String
    let token: String
    let clients: Int
    let services: [String]
    private let transport: CurlHTTPTransport
    private let state = Mutex<(acknowledged: Set<String>, failures: [String], stopped: Bool)>(([], [], false))

    init(base: String, token: String, clients: Int, services: [String]) {
        self.base = base
        self.token = token
        self.clients = clients
        self.services = services
        transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: clients))
    }

    var acknowledged: Set<String> { state.withLock { $0.acknowledged } }
    var failures: [String] { state.withLock { $0.failures } }
    func stop() { state.withLock { $0.stopped = true } }

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                let service = services[client % services.count]
                group.addTask { await self.issueUntilStopped(service: service) }
            }
        }
    }

    private func issueUntilStopped(service: String) async {
        while !state.withLock({ $0.stopped }) {
            var headers = HTTPHeaders()
            headers.set(name: "Authorization", value: "Bearer \(token)")
            headers.set(name: "Content-Type", value: "application/json")
            let request = HTTPRequest(method: .post, url: base + "/v1/tickets", headers: headers, body: Data(#"{"service":"\#(service)"}"#.utf8))
            do {
                let response = try await transport.send(request)
                let number = (try? JSONParser.parse(response.text).value)?["ticket"]?.stringValue
                state.withLock {
                    if response.status == 201, let number { $0.acknowledged.insert(number) } else { $0.failures.append("\(response.status) \(response.text)") }
                }
            } catch {
                state.withLock { $0.failures.append("\(error)") }
            }
        }
    }
}
