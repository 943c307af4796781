import Foundation
import KioskCore
import KioskDisplay
import KioskServer
import KioskTerminal

/// `kiosk display --bench N`: an in-process daemon on a temporary journal (hall clock at a
/// weekday 09:00, running at wall speed), the real display loop drawing into memory, N calls
/// through the API. The daemon lives in this process so the figures are the screen's, not a
/// second process's start-up.
public struct DisplayBenchRun: Sendable {
    public var layout: Layout
    public var size: Size
    public var calls: Int
    public var coalesce: Duration

    public init(layout: Layout, size: Size, calls: Int, coalesce: Duration = .milliseconds(20)) {
        self.layout = layout
        self.size = size
        self.calls = calls
        self.coalesce = coalesce
    }

    public func run() async throws -> DisplayBench.Result {
        let directory = NSTemporaryDirectory() + "kiosk-display-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = KioskDaemon.Options.bench(dataDirectory: directory, label: "kiosk.server")
        let tokens = options.tokens
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        options.onReady = { port in portContinuation.yield(port) }
        let daemon = try await KioskDaemon(options)
        let bench = self
        return try await withThrowingTaskGroup(of: DisplayBench.Result?.self) { group in
            group.addTask { try await daemon.run(); return nil }
            group.addTask {
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { return nil }
                return try await DisplayBench(
                    address: ServerAddress(host: "127.0.0.1", port: port),
                    tokens: .init(kiosk: tokens.kiosk, supervisor: tokens.supervisor, display: tokens.display),
                    layout: bench.layout, size: bench.size, calls: bench.calls, coalesce: bench.coalesce
                ).run()
            }
            // The first to end is the bench (or the daemon failing); either way stop the daemon.
            let first = try await group.next() ?? nil
            await daemon.shutdown()
            var result = first
            while let next = try await group.next() { result = result ?? next }
            guard let result else { throw BenchFailure("the daemon stopped before the bench ran") }
            return result
        }
    }
}
