import ArgumentParser
import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskStore

/// `kiosk bench`: starts a daemon (this binary, `serve`) on a temp data dir and measures, on
/// the same disk in one run, the fsync floor, single-client issue latency, throughput at 1/8/64
/// concurrent clients (group commit), RSS after 10 000 tickets and restart time with that
/// journal. A benchmark prints figures; it asserts nothing.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure durable issue latency, group-commit throughput, memory and restart time.")

    @Option(help: "Sequential requests for the latency figure.") var latencyRequests = 300
    @Option(help: "Tickets per throughput run.") var throughputTickets = 1200
    @Option(help: "Tickets in the journal before measuring memory and restart.") var dayTickets = 10_000
    @Option(help: "Also write the figures as JSON here.") var json: String?

    func run() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var figures: [(key: String, value: JSONValue)] = []

        let floor = try CommitProbe.singleRowCommitsPerSecond(path: dir + "/probe.sqlite", count: 300)
        figures.append(("fsync_floor_commits_per_s", .number(floor.rounded())))

        // 26 services so a 10 000-ticket day fits in the A001…Z999 numbering.
        let configPath = dir + "/bench-hall.json"
        try BenchHall.json.write(toFile: configPath, atomically: true, encoding: .utf8)
        var daemon = try BenchDaemon(binary: CommandLine.arguments[0], dataDir: dir + "/data", config: configPath)
        defer { daemon.stop() }
        try await daemon.waitUntilHealthy()
        let client = try BenchClient(port: daemon.port, tokenFile: dir + "/data/tokens.json")
        defer { client.transport.shutdown() }

        var latencies: [Double] = []
        for i in 0..<latencyRequests {
            let started = ContinuousClock.now
            try await client.take(i)
            latencies.append(seconds(ContinuousClock.now - started))
        }
        latencies.sort()
        figures.append(("issue_latency_p50_ms", .number(percentile(latencies, 0.5) * 1000)))
        figures.append(("issue_latency_p99_ms", .number(percentile(latencies, 0.99) * 1000)))
        var issued = latencyRequests

        for clients in [1, 8, 64] {
            let commitsBefore = try await client.commitCounts()
            let perClient = max(1, throughputTickets / clients)
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in 0..<clients {
                    group.addTask { for i in 0..<perClient { try await client.take(c * 7919 + i) } }
                }
                try await group.waitForAll()
            }
            let rate = Double(perClient * clients) / seconds(ContinuousClock.now - started)
            issued += perClient * clients
            figures.append(("throughput_\(clients)_clients_per_s", .number(rate.rounded())))
            let commitsAfter = try await client.commitCounts()
            let transactions = max(1, commitsAfter.transactions - commitsBefore.transactions)
            figures.append(("commands_per_commit_\(clients)_clients", .number((commitsAfter.commands - commitsBefore.commands) / transactions)))
        }
        if let rate64 = figures.first(where: { $0.key == "throughput_64_clients_per_s" })?.value.doubleValue {
            figures.append(("group_commit_gain_vs_fsync_floor", .number((rate64 / floor * 10).rounded() / 10)))
        }

        try await withThrowingTaskGroup(of: Void.self) { group in
            let remaining = max(0, dayTickets - issued), clients = 16
            for c in 0..<clients {
                group.addTask { for i in stride(from: c, to: remaining, by: clients) { try await client.take(i) } }
            }
            try await group.waitForAll()
        }
        figures.append(("tickets_in_journal", .number(Double(max(issued, dayTickets)))))
        figures.append(("daemon_rss_mb_after_day", .number((daemon.residentMegabytes() * 10).rounded() / 10)))

        daemon.stop()
        let restartStarted = ContinuousClock.now
        daemon = try BenchDaemon(binary: CommandLine.arguments[0], dataDir: dir + "/data", config: configPath, port: daemon.port)
        try await daemon.waitUntilHealthy()
        figures.append(("restart_to_healthy_ms", .number((seconds(ContinuousClock.now - restartStarted) * 1000).rounded())))

        let result = JSONValue.object(figures.map { ($0.key, .number((($0.value.doubleValue ?? 0) * 100).rounded() / 100)) })
        print(result.serialized())
        print("")
        for (key, value) in figures { print(key.padding(toLength: 36, withPad: " ", startingAt: 0) + JSONValue.format(((value.doubleValue ?? 0) * 100).rounded() / 100)) }
        if let json { try (result.serialized() + "\n").write(toFile: json, atomically: true, encoding: .utf8) }
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    private func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}

/// A hall for the bench: 26 services, 10 windows, open all day.
enum BenchHall {
    static var json: String {
        let letters = (65...90).map { String(UnicodeScalar($0)!) }
        let services = letters.map { #"{"code":"\#($0)","name":"业务\#($0)"}"# }.joined(separator: ",")
        let counters = (1...10).map { i in
            #"{"id":"\#(i)","services":[\#(letters.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        }.joined(separator: ",")
        return #"{"sessions":[["00:00","23:59"]],"services":[\#(services)],"counters":[\#(counters)]}"#
    }
}

/// The daemon under test, as its own process.
struct BenchDaemon {
    let process = Process()
    let port: Int

    init(binary: String, dataDir: String, config: String, port: Int? = nil) throws {
        self.port = try port ?? BenchDaemon.freePort()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--data-dir", dataDir, "--config", config, "--port", String(self.port), "--start-at", "2026-03-02 08:00"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func waitUntilHealthy() async throws {
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        for _ in 0..<2000 {
            if let r = try? await transport.send(HTTPRequest(url: "http://127.0.0.1:\(port)/healthz", connectTimeout: 1, timeout: 2)), r.isSuccess { return }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw ValidationError("the daemon did not become healthy")
    }

    func residentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Takes tickets over HTTP through the libcurl transport, as kiosks would.
struct BenchClient {
    let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 64))
    let url: String
    let token: String

    init(port: Int, tokenFile: String) throws {
        url = "http://127.0.0.1:\(port)/v1/tickets"
        // The supervisor's override: nobody is served during the bench, so the line passes
        // closing time long before 10 000 tickets and the kiosk would refuse (closes_before_turn).
        token = try AccessTokens.load(json: String(contentsOfFile: tokenFile, encoding: .utf8)).supervisor
    }

    /// (journal transactions, commands in them) so far, from the daemon's /metrics.
    func commitCounts() async throws -> (transactions: Double, commands: Double) {
        let text = try await transport.send(HTTPRequest(url: url.replacingOccurrences(of: "/v1/tickets", with: "/metrics"))).text
        func value(_ name: String) -> Double {
            text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        return (value("kiosk_journal_commit_commands_count"), value("kiosk_journal_commit_commands_sum"))
    }

    func take(_ i: Int) async throws {
        let service = String(UnicodeScalar(65 + i % 26)!)
        let response = try await transport.send(HTTPRequest(
            method: .post, url: url,
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
            body: Data(#"{"service":"\#(service)","override":true}"#.utf8)
        ))
        guard response.status == 201 else { throw ValidationError("take failed: \(response.status) \(response.text)") }
    }
}
