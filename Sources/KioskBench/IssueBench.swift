import Foundation
import KioskCore
import KioskStore

/// `kiosk bench`: starts a daemon (`BINARY serve`) on a temporary data directory and measures,
/// on the same disk in one run, the fsync floor, single-client issue latency, the cost of an
/// issue and of the public reads against the length of the line (`lines`), throughput at
/// 1/8/64 concurrent clients (group commit), RSS after `dayTickets` tickets and restart time
/// with that journal. A benchmark prints figures; it asserts nothing.
public struct IssueBench: Sendable {
    public var latencyRequests = 300
    public var throughputTickets = 1200
    public var dayTickets = 10_000
    /// The hall config (JSON text); nil: `BenchHall` (26 services, 10 windows).
    public var hallJSON: String?
    /// Line lengths at which to measure issue and read latency (empty: none).
    public var lines: [Int] = []
    /// Requests of each kind per line length.
    public var lineSamples = 60
    /// Told each figure as soon as it is measured (a slow daemon's run still shows what it got).
    public var onFigure: (@Sendable (String, Double) -> Void)?

    public init() {}

    /// The figures, in the order they were measured.
    public struct Figures: Sendable {
        public var values: [(key: String, value: Double)] = [] {
            didSet { for figure in values.dropFirst(oldValue.count) { onFigure?(figure.key, Self.hundredth(figure.value)) } }
        }
        var onFigure: (@Sendable (String, Double) -> Void)?

        /// One JSON object, each figure to two decimals.
        public var json: String {
            JSONValue.object(values.map { ($0.key, .number(Self.hundredth($0.value))) }).serialized()
        }

        /// One aligned `name value` line per figure.
        public var table: String {
            let width = max(36, (values.map(\.key.count).max() ?? 0) + 2)
            return values.map { $0.key.padding(toLength: width, withPad: " ", startingAt: 0) + JSONValue.format(Self.hundredth($0.value)) }
                .joined(separator: "\n")
        }

        static func hundredth(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    }

    /// Runs the bench with the `kiosk` executable at `binary`.
    public func run(binary: String) async throws -> Figures {
        let dir = NSTemporaryDirectory() + "kiosk-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var figures = Figures(onFigure: onFigure)

        let floor = try CommitProbe.singleRowCommitsPerSecond(path: dir + "/probe.sqlite", count: 300)
        figures.values.append(("fsync_floor_commits_per_s", floor.rounded()))

        let configPath = dir + "/bench-hall.json"
        let hall = hallJSON ?? BenchHall.json
        try hall.write(toFile: configPath, atomically: true, encoding: .utf8)
        let services = try HallConfig.load(json: hall).services.map(\.code)
        var daemon = try BenchDaemon(binary: binary, dataDir: dir + "/data", config: configPath)
        defer { daemon.stop() }
        try await daemon.waitUntilHealthy()
        let client = try BenchClient(port: daemon.port, tokenFile: dir + "/data/tokens.json", services: services)
        defer { client.transport.shutdown() }

        if latencyRequests > 0 {
            var latencies: [Double] = []
            for i in 0..<latencyRequests {
                let started = ContinuousClock.now
                try await client.take(i)
                latencies.append(Self.seconds(ContinuousClock.now - started))
            }
            latencies.sort()
            figures.values.append(("issue_latency_p50_ms", Self.percentile(latencies, 0.5) * 1000))
            figures.values.append(("issue_latency_p99_ms", Self.percentile(latencies, 0.99) * 1000))
        }
        var issued = latencyRequests
        // Nobody is served: every ticket taken is still waiting.
        var waiting = issued
        if !lines.isEmpty {
            try await LineBench(lines: lines, samples: lineSamples).run(client, waiting: &waiting, into: &figures)
            issued = waiting
        }

        var rate64: Double?
        for clients in [1, 8, 64] {
            figures.values.append(("throughput_\(clients)_clients_line_at_start", Double(issued)))
            let commitsBefore = try await client.commitCounts()
            let perClient = max(1, throughputTickets / clients)
            let cpuBefore = daemon.cpuSeconds()
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in 0..<clients {
                    group.addTask { for i in 0..<perClient { try await client.take(c * 7919 + i) } }
                }
                try await group.waitForAll()
            }
            let rate = Double(perClient * clients) / Self.seconds(ContinuousClock.now - started)
            let cpu = daemon.cpuSeconds() - cpuBefore
            issued += perClient * clients
            figures.values.append(("throughput_\(clients)_clients_per_s", rate.rounded()))
            figures.values.append(("throughput_\(clients)_clients_daemon_cpu_ms_per_ticket", cpu * 1000 / Double(perClient * clients)))
            if clients == 64 { rate64 = rate.rounded() }
            let commitsAfter = try await client.commitCounts()
            let transactions = max(1, commitsAfter.transactions - commitsBefore.transactions)
            figures.values.append(("commands_per_commit_\(clients)_clients", (commitsAfter.commands - commitsBefore.commands) / transactions))
        }
        if let rate64 { figures.values.append(("group_commit_gain_vs_fsync_floor", (rate64 / floor * 10).rounded() / 10)) }

        try await client.fill(max(0, dayTickets - issued))
        figures.values.append(("tickets_in_journal", Double(max(issued, dayTickets))))
        figures.values.append(("daemon_rss_mb_after_day", (daemon.residentMegabytes() * 10).rounded() / 10))

        daemon.stop()
        let restartStarted = ContinuousClock.now
        daemon = try BenchDaemon(binary: binary, dataDir: dir + "/data", config: configPath, port: daemon.port)
        try await daemon.waitUntilHealthy()
        figures.values.append(("restart_to_healthy_ms", (Self.seconds(ContinuousClock.now - restartStarted) * 1000).rounded()))
        return figures
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}
