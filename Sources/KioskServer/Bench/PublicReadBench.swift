import Foundation
import KioskCore
import KioskHTTPClient
import Logging
import Synchronization

/// `kiosk bench-public-reads`: a clerk's call latency with and without a flood of public reads
/// (`GET /v1/services` and `GET /v1/tickets/{n}`, as citizens' phones on the hall's Wi-Fi would
/// send them), against a daemon in this process on a temporary journal. Prints figures; asserts
/// nothing.
public struct PublicReadBench: Sendable {
    public var clerkRequests: Int
    public var readsPerSecond: Int
    public var waitingTickets: Int

    public init(clerkRequests: Int = 300, readsPerSecond: Int = 200, waitingTickets: Int = 60) {
        self.clerkRequests = clerkRequests
        self.readsPerSecond = readsPerSecond
        self.waitingTickets = waitingTickets
    }

    public struct Figures: Sendable {
        public var quiet: [Double]
        public var flooded: [Double]
        public var readsSent: Int
        public var readSeconds: Double

        public var lines: [String] {
            func line(_ name: String, _ latencies: [Double]) -> String {
                let s = latencies.sorted()
                func p(_ q: Double) -> Double { s.isEmpty ? .nan : s[min(s.count - 1, Int((Double(s.count) * q).rounded(.up)) - 1)] * 1000 }
                return String(format: "%@: %d clerk requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms", name, s.count, p(0.5), p(0.99), p(1))
            }
            return [
                line("clerk calls, no public reads", quiet),
                line("clerk calls, public read flood", flooded),
                String(format: "public reads during the flood: %d in %.1f s (%.0f/s)", readsSent, readSeconds, Double(readsSent) / max(readSeconds, 0.001)),
            ]
        }
    }

    public func run() async throws -> Figures {
        let directory = NSTemporaryDirectory() + "kiosk-bench-public-reads-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = KioskDaemon.Options.bench(dataDirectory: directory, label: "kiosk.bench")
        let (tokens, config) = (options.tokens, options.config)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        options.onReady = { portContinuation.yield($0) }
        let daemon = try await KioskDaemon(options)
        return try await withThrowingTaskGroup(of: Figures?.self) { group in
            group.addTask { try await daemon.run(); return nil }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw BenchFailed() }
            defer { Task { await daemon.shutdown() } }
            let figures = try await measure(base: "http://127.0.0.1:\(port)", tokens: tokens, config: config)
            await daemon.shutdown()
            for try await _ in group {}
            return figures
        }
    }

    struct BenchFailed: Error {}

    private func measure(base: String, tokens: AccessTokens, config: HallConfig) async throws -> Figures {
        let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 16))
        defer { transport.shutdown() }
        func post(_ path: String, token: String, body: String? = nil) async throws -> HTTPResponse {
            var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            if body != nil { headers.set(name: "Content-Type", value: "application/json") }
            return try await transport.send(HTTPRequest(method: .post, url: base + path, headers: headers, body: body.map { Data($0.utf8) }))
        }
        let services = config.services.map(\.code).filter { code in config.service(code)?.dailyQuota == nil }
        var numbers: [String] = []
        for i in 0..<(waitingTickets + clerkRequests / 2 + 40) {
            let answer = try await post("/v1/tickets", token: tokens.supervisor, body: #"{"service":"\#(services[i % services.count])","override":true}"#)
            if let number = (try? JSONParser.parse(answer.text).value)?["ticket"]?.stringValue { numbers.append(number) }
        }
        /// Clerks at every window call and finish, one request at a time; latency of each.
        func clerks(_ count: Int) async throws -> [Double] {
            var latencies: [Double] = []
            var round = 0
            while latencies.count < count {
                let window = config.counters[round % config.counters.count].id
                round += 1
                for action in ["call", "finish"] {
                    let started = ContinuousClock.now
                    let answer = try await post("/v1/windows/\(window)/\(action)", token: tokens.windows[window] ?? "")
                    latencies.append(Self.seconds(ContinuousClock.now - started))
                    // A clerk's pace, not a load test: the flood gets seconds to work on them.
                    try await Task.sleep(for: .milliseconds(25))
                    if action == "call" && answer.status != 200 { break }
                }
            }
            return latencies
        }
        _ = try await clerks(40)   // warm up
        let quiet = try await clerks(clerkRequests / 2)
        let flags = FloodFlags()
        let readNumbers = numbers
        let interval = Duration.nanoseconds(1_000_000_000 / Int64(max(1, readsPerSecond)))
        let floodStart = ContinuousClock.now
        async let flood: Void = withTaskGroup(of: Void.self) { group in
            var next = ContinuousClock.now
            var k = 0
            while !flags.stop.load(ordering: .relaxed) {
                let path = k % 2 == 0 ? "/v1/services" : "/v1/tickets/\(readNumbers[(k / 2) % readNumbers.count])"
                k += 1
                group.addTask { _ = try? await transport.send(HTTPRequest(url: base + path)); flags.sent.add(1, ordering: .relaxed) }
                next = next.advanced(by: interval)
                try? await Task.sleep(until: next, clock: .continuous)
            }
            await group.waitForAll()
        }
        let flooded = try await clerks(clerkRequests / 2)
        flags.stop.store(true, ordering: .relaxed)
        await flood
        return Figures(quiet: quiet, flooded: flooded, readsSent: flags.sent.load(ordering: .relaxed), readSeconds: Self.seconds(ContinuousClock.now - floodStart))
    }

    /// Shared by the flood's tasks: when to stop, how many reads went out.
    final class FloodFlags: Sendable {
        let stop = Atomic<Bool>(false)
        let sent = Atomic<Int>(0)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
