import Foundation
import KioskBench
import KioskCore
import KioskDisplay
import KioskTestSupport
import Testing

/// The benchmark harnesses run end to end on tiny sizes: they must produce every figure
/// (their values are not judged: a benchmark asserts nothing about speed).
@Suite struct BenchHarnessTests {
    @Test func benchHallIsAValidHallWithTwentySixServicesOnEveryWindow() throws {
        let config = try HallConfig.load(json: BenchHall.json)
        #expect(config.services.count == 26)
        #expect(config.counters.count == 10)
        #expect(config.counters.allSatisfy { $0.services.count == 26 })
    }

    @Test func estimatorBenchHallHasTheLineAndWindowsItPromises() {
        let (estimator, state, now) = EstimatorBench.busyHall(tickets: 40, windows: 6, replicates: 8)
        #expect(state.waiting.count == 40)
        #expect(estimator.options.refreshReplicates == 8)
        #expect(state.counters["3"]?.availability != .open)
        #expect(state.currentTicket(at: "2")?.state.name == "called")
        #expect(state.currentTicket(at: "1")?.state.name == "serving")
        #expect(estimator.estimates(in: state, at: now).count == 40)
    }

    @Test func estimatorBenchReportsItsRuns() {
        let report = EstimatorBench(tickets: 20, windows: 4, iterations: 3, replicates: 4).run()
        #expect(report.hasPrefix("estimator re-estimate: 20 waiting tickets, 4 windows, 4 replicates\n"))
        #expect(report.contains("(3 runs; checksum "))
    }

    @Test func displayBenchDrawsEveryCallAgainstAnInProcessDaemon() async throws {
        let layout = try Layout.parse(String(contentsOfFile: Self.layoutPath, encoding: .utf8), file: Self.layoutPath)
        let result = try await DisplayBenchRun(layout: layout, size: layout.canvas, calls: 3).run()
        #expect(result.latencies.count == 3)
        #expect(result.callBytes.count == 3)
        #expect(result.callBytes.allSatisfy { $0 > 0 && $0 < result.fullPaintBytes })
    }

    @Test(.enabled(if: KioskBinary.exists, "the kiosk binary is not built"))
    func issueBenchMeasuresEveryFigureAgainstAChildDaemon() async throws {
        var bench = IssueBench()
        bench.latencyRequests = 5
        bench.throughputTickets = 64
        bench.dayTickets = 300
        let figures = try await bench.run(binary: KioskBinary.url.path)
        #expect(figures.values.map(\.key) == [
            "fsync_floor_commits_per_s", "issue_latency_p50_ms", "issue_latency_p99_ms",
            "throughput_1_clients_line_at_start", "throughput_1_clients_per_s", "throughput_1_clients_daemon_cpu_ms_per_ticket",
            "commands_per_commit_1_clients",
            "throughput_8_clients_line_at_start", "throughput_8_clients_per_s", "throughput_8_clients_daemon_cpu_ms_per_ticket",
            "commands_per_commit_8_clients",
            "throughput_64_clients_line_at_start", "throughput_64_clients_per_s", "throughput_64_clients_daemon_cpu_ms_per_ticket",
            "commands_per_commit_64_clients",
            "group_commit_gain_vs_fsync_floor", "tickets_in_journal", "daemon_rss_mb_after_day", "restart_to_healthy_ms",
        ])
        #expect(figures.values.first { $0.key == "tickets_in_journal" }?.value == 300)
        #expect(figures.values.first { $0.key == "daemon_rss_mb_after_day" }.map { $0.value > 0 } == true)
        // The daemon's CPU is read from its own /proc entry: some was spent on 64 tickets.
        #expect(figures.values.filter { $0.key.hasSuffix("_daemon_cpu_ms_per_ticket") }.map(\.value).reduce(0, +) > 0)
        let json = try JSONParser.parse(figures.json).value
        #expect(json["restart_to_healthy_ms"]?.doubleValue != nil)
        #expect(figures.table.split(separator: "\n").count == figures.values.count)
    }

    @Test func cityBenchHallHasFortyWindowsTwentyServicesAndNoQuotas() throws {
        let config = try HallConfig.load(json: String(contentsOfFile: Self.repository + "/scripts/bench-halls/city.json", encoding: .utf8))
        #expect(config.services.count == 20)
        #expect(config.counters.count == 40)
        #expect(config.services.allSatisfy { $0.dailyQuota == nil })
        // Every service has a window.
        #expect(Set(config.counters.flatMap(\.services)) == Set(config.services.map(\.code)))
    }

    @Test(.enabled(if: KioskBinary.exists, "the kiosk binary is not built"))
    func lineBenchMeasuresEveryReadAndTheIssueAtEachLineLength() async throws {
        var bench = IssueBench()
        bench.latencyRequests = 0
        bench.throughputTickets = 16
        bench.dayTickets = 0
        bench.hallJSON = try String(contentsOfFile: Self.repository + "/scripts/bench-halls/city.json", encoding: .utf8)
        bench.lines = [3, 12]
        bench.lineSamples = 4
        let figures = try await bench.run(binary: KioskBinary.url.path)
        let keys = figures.values.map(\.key)
        for line in [3, 12] {
            for what in ["issue", "services", "hall"] {
                #expect(keys.contains("line_\(line)_\(what)_p50_ms"), "\(keys)")
                #expect(figures.values.first { $0.key == "line_\(line)_\(what)_p50_ms" }.map { $0.value > 0 } == true)
            }
        }
        // Each probe ticket was cancelled: the throughput runs start from the longest line.
        #expect(figures.values.first { $0.key == "throughput_1_clients_line_at_start" }?.value == 12)
        #expect(!keys.contains("issue_latency_p50_ms"))
    }

    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var layoutPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("layouts/main-hall.layout").path
    }
}
