import Foundation
import KioskCore
import KioskServer
import Logging
import Synchronization

/// A real `KioskDaemon` running inside the test process, built the way `kiosk serve` builds
/// it, on a port the system picked.
public struct InProcessDaemon: Sendable {
    public let daemon: KioskDaemon
    /// The port it listens on (loopback).
    public let port: Int
    /// Its data directory and the tokens it accepts, as its options said.
    public let dataDirectory: String
    public let tokens: AccessTokens
    private let stopped: RunOutcome

    public var hall: Hall { daemon.hall }
    public var base: String { "http://127.0.0.1:\(port)" }

    /// Asks for a graceful shutdown and waits until `run()` has returned; its error, if any.
    public func shutdownAndWait() async -> (any Error)? {
        await daemon.shutdown()
        return await stopped.wait()
    }

    /// Runs a daemon with `options` (its `onReady` is taken over) for the duration of `body`,
    /// then shuts it down gracefully, whatever `body` does.
    public static func with<T: Sendable>(
        _ options: KioskDaemon.Options, _ body: (InProcessDaemon) async throws -> T
    ) async throws -> T {
        var options = options
        let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
        options.onReady = { port in readyContinuation.yield(port) }
        let daemon = try await KioskDaemon(options)
        let stopped = RunOutcome()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { readyContinuation.finish() }
                do {
                    try await daemon.run()
                    stopped.finish(nil)
                } catch {
                    stopped.finish(error)
                    throw error
                }
            }
            var iterator = ready.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw TimedOut(what: "the daemon to listen")
            }
            do {
                let running = InProcessDaemon(daemon: daemon, port: port, dataDirectory: options.dataDirectory, tokens: options.tokens, stopped: stopped)
                let result = try await body(running)
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
}

extension KioskDaemon.Options {
    /// A daemon for a test: port 0, no signal handlers (the test process keeps its own), the
    /// test's clock with timed rules run only when the test ticks, logs at `logLevel`.
    public static func forTests(
        config: HallConfig, tokens: AccessTokens? = nil, dataDirectory: String,
        clock: @escaping @Sendable () -> Date, logLevel: Logger.Level = .error
    ) -> Self {
        var options = Self(config: config, tokens: tokens ?? .forTests(config), dataDirectory: dataDirectory)
        options.port = 0
        options.gracefulShutdownSignals = []
        options.clock = clock
        // Console sessions and the wrong-password wait run on the test's clock too.
        options.console.clock = clock
        options.tickInterval = .seconds(3600)
        var logger = Logger(label: "kiosk.server.test")
        logger.logLevel = logLevel
        options.logger = logger
        return options
    }
}

extension AccessTokens {
    /// Known tokens, so tests can present the right (and the wrong) one.
    public static func forTests(_ config: HallConfig) -> AccessTokens {
        AccessTokens(
            kiosk: "kiosk-0123456789abcdef", supervisor: "supervisor-0123456789abcdef",
            display: "display-0123456789abcdef", admin: "admin-0123456789abcdef", booking: "booking-0123456789abcdef",
            windows: Dictionary(uniqueKeysWithValues: config.counters.map { ($0.id, "window-\($0.id)-0123456789abcdef") })
        )
    }
}

/// Remembers how `run()` ended and wakes whoever waits for it.
final class RunOutcome: Sendable {
    private struct State {
        var done = false
        var error: (any Error)?
        var waiters: [CheckedContinuation<(any Error)?, Never>] = []
    }

    private let state = Mutex(State())

    func finish(_ error: (any Error)?) {
        let waiters = state.withLock { state in
            state.done = true
            state.error = error
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: error) }
    }

    func wait() async -> (any Error)? {
        await withCheckedContinuation { continuation in
            let answer: (any Error)?? = state.withLock { state in
                if state.done { return .some(state.error) }
                state.waiters.append(continuation)
                return .none
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }
}
