import Foundation
import KioskCore
import KioskDisplay
import KioskHTTPClient
import Synchronization

/// Measures the hall screen against a live daemon: for each of `calls` tickets, the time
/// from the HTTP 2xx of the window's call to the write of the redraw that shows it, and the
/// bytes of that redraw against a full paint. Runs the real display loop (event stream,
/// snapshot fetch, render, diff, encode) with a recording sink instead of a terminal.
public struct DisplayBench: Sendable {
    public struct Tokens: Sendable {
        public var kiosk: String
        public var supervisor: String
        public var display: String

        public init(kiosk: String, supervisor: String, display: String) {
            self.kiosk = kiosk
            self.supervisor = supervisor
            self.display = display
        }
    }

    public struct Result: Sendable {
        /// Call 2xx → diff written, per call, in milliseconds.
        public var latencies: [Double]
        /// Bytes of each call's redraw.
        public var callBytes: [Int]
        /// Bytes of a full paint of the final screen.
        public var fullPaintBytes: Int
        public var size: Size

        public func percentile(_ p: Double) -> Double {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return .nan }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[max(0, min(sorted.count - 1, rank))]
        }

        public var report: String {
            let bytes = callBytes.sorted()
            let median = bytes.isEmpty ? 0 : bytes[bytes.count / 2]
            func ms(_ v: Double) -> String { String(format: "%.2f ms", v) }
            return """
            display bench: \(latencies.count) calls at \(size) (layout drawn by the real loop; writes recorded)
              call 2xx → changed cells written: p50 \(ms(percentile(50)))  p90 \(ms(percentile(90)))  p99 \(ms(percentile(99)))  max \(ms(latencies.max() ?? .nan))
              bytes: full paint \(fullPaintBytes)  one call median \(median) (min \(bytes.first ?? 0), max \(bytes.last ?? 0)) = \(String(format: "%.1f", 100 * Double(median) / Double(max(1, fullPaintBytes))))% of a full paint
            """
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public var address: ServerAddress
    public var tokens: Tokens
    public var layout: Layout
    public var size: Size
    public var calls: Int
    public var window: String
    public var service: String
    public var coalesce: Duration

    public init(address: ServerAddress, tokens: Tokens, layout: Layout, size: Size, calls: Int = 200,
                window: String = "1", service: String = "A", coalesce: Duration = .milliseconds(20)) {
        self.address = address
        self.tokens = tokens
        self.layout = layout
        self.size = size
        self.calls = calls
        self.window = window
        self.service = service
        self.coalesce = coalesce
    }

    public func run() async throws -> Result {
        let transport = CurlHTTPTransport()
        defer { transport.shutdown() }
        let sink = RecordingTerminal(size: size)
        let paints = LockedValue<[DisplayLoop.Paint]>([])
        var options = DisplayLoop.Options(layout: layout)
        options.coalesce = coalesce
        options.refreshInterval = nil   // only events redraw, so each redraw is attributable
        options.fixedSize = size
        let client = EventStreamClient(.hallScreen(address: address, token: tokens.display))
        let loop = DisplayLoop(
            options: options, sink: sink,
            snapshots: HTTPHallSnapshotSource(transport: transport, address: address, token: tokens.display),
            events: { client.updates() },
            onPaint: { paint in paints.withLock { $0.append(paint) } }
        )
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                await loop.run()
                return nil
            }
            group.addTask {
                try await measure(transport: transport, paints: paints)
            }
            let result = try await group.next()!!
            group.cancelAll()
            return result
        }
    }

    private func measure(transport: CurlHTTPTransport, paints: LockedValue<[DisplayLoop.Paint]>) async throws -> Result {
        // Wait for the live screen (stream open, snapshot drawn).
        var seen = try await waitForPaint(paints, timeout: 10) { $0.link == HallScreenModel.Link.live }.throughSeq ?? -1
        var latencies: [Double] = []
        var callBytes: [Int] = []
        for _ in 0..<calls {
            _ = try await post(transport, "/v1/tickets", body: "{\"service\":\"\(service)\"}", token: tokens.kiosk)
            let before = seen
            _ = try await waitForPaint(paints, timeout: 5) { ($0.throughSeq ?? -1) > before }
            let called = try await post(transport, "/v1/windows/\(window)/call", body: "{}", token: tokens.supervisor)
            let paint = try await waitForPaint(paints, timeout: 5) { ($0.throughSeq ?? -1) >= called.seq && $0.bytes > 0 }
            latencies.append(Self.milliseconds(paint.at - called.at))
            callBytes.append(paint.bytes)
            let started = try await post(transport, "/v1/windows/\(window)/start", body: "{}", token: tokens.supervisor)
            _ = try await waitForPaint(paints, timeout: 5) { ($0.throughSeq ?? -1) >= started.seq }
            let finished = try await post(transport, "/v1/windows/\(window)/finish", body: "{}", token: tokens.supervisor)
            _ = try await waitForPaint(paints, timeout: 5) { ($0.throughSeq ?? -1) >= finished.seq }
            seen = finished.seq
        }
        let snapshot = try await HTTPHallSnapshotSource(transport: transport, address: address, token: tokens.display).snapshot()
        let frame = Renderer.render(layout, model: HallScreenModel.model(snapshot: snapshot, link: .live), size: size)
        return Result(latencies: latencies, callBytes: callBytes, fullPaintBytes: ANSIEncoder.fullPaint(frame).utf8.count, size: size)
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// POSTs and returns when the 2xx arrived and the highest event seq it committed.
    private func post(_ transport: CurlHTTPTransport, _ path: String, body: String, token: String) async throws -> (at: ContinuousClock.Instant, seq: Int64) {
        let response = try await transport.send(HTTPRequest(
            method: .post, url: address.description + path,
            headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"], body: Data(body.utf8), timeout: 5
        ))
        let at = ContinuousClock.now
        guard response.isSuccess else { throw Failure(description: "POST \(path): HTTP \(response.status) \(response.text)") }
        let json = try JSONParser.parse(response.text).value
        // A ticket answer has no events; its issue is the newest event the stream will carry.
        let seqs = (json["events"]?.arrayValue ?? []).compactMap { $0["seq"]?.intValue }
        return (at, Int64(seqs.max() ?? 0))
    }

    /// Polls the recorded paints until one matches, with a deadline in seconds.
    private func waitForPaint(_ paints: LockedValue<[DisplayLoop.Paint]>, timeout: Double, _ match: @Sendable (DisplayLoop.Paint) -> Bool) async throws -> DisplayLoop.Paint {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            if let paint = paints.withLock({ $0.first(where: match) }) { return paint }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw Failure(description: "no redraw within \(timeout) s")
    }
}
