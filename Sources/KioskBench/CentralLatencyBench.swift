import Foundation
import KioskHTTPClient

/// Does shipping to a centre slow the hall? Three daemons of the same hall side by side: one
/// plain; one with `--central` at a centre that is down (a closed loopback port: every attempt
/// refused at once, retried with backoff); one with `--central` at a centre that has stalled
/// (`SilentCentre`: connections accepted, never answered, each attempt hanging until its
/// timeout). With `central` given, that address replaces the down one (an address that never
/// answers, a real centre). Issue latency is measured on all three in alternating rounds, so
/// the machine's other load falls on each alike. It prints figures; it asserts nothing.
public struct CentralLatencyBench {
    public var requests = 400
    public var round = 50
    /// The unreachable centre (default: a closed loopback port).
    public var central: String?

    public init() {}

    public func run(binary: String) async throws -> IssueBench.Figures {
        let dir = NSTemporaryDirectory() + "kiosk-bench-central-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let configPath = dir + "/bench-hall.json"
        try BenchHall.json.replacingOccurrences(of: #"{"sessions""#, with: #"{"hall":{"id":"bench"},"sessions""#)
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        let silent = try SilentCentre()
        defer { silent.stop() }
        let down = try central ?? "postgres://hall_bench@127.0.0.1:\(LoopbackPort.free())/kiosk_central"
        let stalled = "postgres://hall_bench@127.0.0.1:\(silent.port)/kiosk_central"
        let sides: [(name: String, central: String?)] = [("without_central", nil), ("central_down", down), ("central_stalled", stalled)]
        var daemons: [BenchDaemon] = []
        defer { for daemon in daemons { daemon.stop() } }
        for side in sides {
            let data = dir + "/" + side.name
            let extra = side.central.map { ["--central", $0, "--log", data + ".log"] } ?? []
            daemons.append(try BenchDaemon(binary: binary, dataDir: data, config: configPath, extraArguments: extra))
        }
        for daemon in daemons { try await daemon.waitUntilHealthy() }
        var clients: [BenchClient] = []
        defer { for client in clients { client.transport.shutdown() } }
        for (side, daemon) in zip(sides, daemons) {
            clients.append(try BenchClient(port: daemon.port, tokenFile: dir + "/\(side.name)/tokens.json"))
        }
        var latencies = Array(repeating: [Double](), count: sides.count)
        var done = 0
        while done < requests {
            for side in sides.indices {
                for i in done..<min(requests, done + round) {
                    let started = ContinuousClock.now
                    try await clients[side].take(i)
                    latencies[side].append(IssueBench.seconds(ContinuousClock.now - started))
                }
            }
            done += round
        }
        var figures = IssueBench.Figures()
        for (side, latencies) in zip(sides, latencies) {
            let sorted = latencies.sorted()
            figures.values.append(("issue_latency_p50_ms_\(side.name)", (IssueBench.percentile(sorted, 0.5) * 10000).rounded() / 10))
            figures.values.append(("issue_latency_p99_ms_\(side.name)", (IssueBench.percentile(sorted, 0.99) * 10000).rounded() / 10))
        }
        figures.values.append(("requests_each", Double(requests)))
        // Proof the shipper was at work the whole time: the down centre's daemon logged its
        // pause; the stalled centre saw this many connection attempts hang.
        let downLog = (try? String(contentsOfFile: dir + "/central_down.log", encoding: .utf8)) ?? ""
        figures.values.append(("central_down_pauses_logged", Double(downLog.components(separatedBy: "central shipping paused").count - 1)))
        figures.values.append(("central_stalled_attempts_seen", Double(silent.connections)))
        return figures
    }
}
