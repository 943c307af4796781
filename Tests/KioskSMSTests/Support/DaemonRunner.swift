import Foundation
import KioskCore
import KioskServer
import KioskSMS
import Logging

/// Runs a real `KioskDaemon` (port 0, no signal handlers, quiet logs, fast SMS polling) for the
/// duration of `body`, then shuts it down gracefully, whatever `body` does.
func withDaemon<T: Sendable>(
    config: HallConfig, dataDirectory: String, clock: @escaping @Sendable () -> Date,
    headsUpInterval: Duration = .seconds(3600),
    _ body: (KioskDaemon, Int) async throws -> T
) async throws -> T {
    var options = KioskDaemon.Options(
        config: config,
        tokens: AccessTokens(
            kiosk: "kiosk-0123456789abcdef", supervisor: "supervisor-0123456789abcdef", display: "display-0123456789abcdef",
            admin: "admin-0123456789abcdef", windows: Dictionary(uniqueKeysWithValues: config.counters.map { ($0.id, "window-\($0.id)-0123456789abcdef") })
        ),
        dataDirectory: dataDirectory
    )
    options.port = 0
    options.gracefulShutdownSignals = []
    options.clock = clock
    options.tickInterval = .seconds(3600)
    options.smsRetry = RetryPolicy(base: 0.05, cap: 0.4, maxRetryAfter: 2, maxAttempts: 20)
    options.smsPollInterval = .milliseconds(20)
    options.headsUpInterval = headsUpInterval
    var logger = Logger(label: "kiosk.server.test")
    logger.logLevel = .critical
    options.logger = logger
    let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
    options.onReady = { readyContinuation.yield($0) }
    let daemon = try KioskDaemon(options)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await daemon.run() }
        do {
            var iterator = ready.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TimedOut(what: "daemon start") }
            let result = try await body(daemon, port)
            await daemon.shutdown()
            try await group.waitForAll()
            return result
        } catch {
            await daemon.shutdown()
            try? await group.waitForAll()
            throw error
        }
    }
}
