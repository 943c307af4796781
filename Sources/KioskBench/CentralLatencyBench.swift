import Foundation
import KioskHTTPClient

/// Does shipping to a centre slow the hall? Two daemons of the same hall side by side, one
/// plain, one with `--central` pointing at a centre that cannot be reached (a closed loopback
/// port: connections refused at once, retried with backoff; or an address that never answers:
/// connections pending until their timeout). Issue latency is measured on both, in alternating
/// rounds so the machine's other load falls on both alike. It prints figures; it asserts nothing.
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
        let centre = try central ?? "postgres://hall_bench@127.0.0.1:\(LoopbackPort.free())/kiosk_central"
        let plain = try BenchDaemon(binary: binary, dataDir: dir + "/plain", config: configPath)
        defer { plain.stop() }
        let shipping = try BenchDaemon(binary: binary, dataDir: dir + "/central", config: configPath, extraArguments: ["--central", centre])
        defer { shipping.stop() }
        try await plain.waitUntilHealthy()
        try await shipping.waitUntilHealthy()
        let clients = [try BenchClient(port: plain.port, tokenFile: dir + "/plain/tokens.json"),
                       try BenchClient(port: shipping.port, tokenFile: dir + "/central/tokens.json")]
        defer { for client in clients { client.transport.shutdown() } }
        var latencies: [[Double]] = [[], []]
        var done = 0
        while done < requests {
            for side in 0..<2 {
                for i in done..<min(requests, done + round) {
                    let started = ContinuousClock.now
                    try await clients[side].take(i)
                    latencies[side].append(IssueBench.seconds(ContinuousClock.now - started))
                }
            }
            done += round
        }
        var figures = IssueBench.Figures()
        for (side, name) in [(0, "without_central"), (1, "central_unreachable")] {
            let sorted = latencies[side].sorted()
            figures.values.append(("issue_latency_p50_ms_\(name)", (IssueBench.percentile(sorted, 0.5) * 10000).rounded() / 10))
            figures.values.append(("issue_latency_p99_ms_\(name)", (IssueBench.percentile(sorted, 0.99) * 10000).rounded() / 10))
        }
        figures.values.append(("requests_each", Double(requests)))
        return figures
    }
}
