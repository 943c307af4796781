import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Logging
import Synchronization

/// A real `KioskDaemon` on loopback for one test: a temp data dir, known tokens, a manual hall
/// clock, port 0, no signal handlers. Built the way `kiosk serve` builds it.
struct TestDaemon: Sendable {
    let daemon: KioskDaemon
    let port: Int
    let clock: ManualClock
    let tokens: AccessTokens
    let config: HallConfig
    let dataDirectory: String
    let client: APIClient
    private let stopped: Stopped

    var hall: Hall { daemon.hall }
    var journal: SQLiteJournal { daemon.hall.journal }

    /// Runs `body` against a fresh daemon whose hall clock reads `clock`; shuts the daemon down
    /// and removes its data dir afterwards, whatever `body` does.
    static func with<T: Sendable>(
        config: HallConfig = .defaultHall, at clock: String = "09:00", clientConcurrency: Int = 8,
        _ body: (TestDaemon) async throws -> T
    ) async throws -> T {
        let dataDirectory = NSTemporaryDirectory() + "kiosk-server-tests-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let manualClock = ManualClock(hallTime: clock, config: config)
        let tokens = TestTokens.make(for: config)
        var options = KioskDaemon.Options(config: config, tokens: tokens, dataDirectory: dataDirectory)
        options.port = 0
        options.gracefulShutdownSignals = []
        options.clock = { manualClock.now }
        // The clock stands still, so only the start-up tick has work; tests call `tick()`.
        options.tickInterval = .seconds(3600)
        var logger = Logger(label: "kiosk.server.test")
        logger.logLevel = .error
        options.logger = logger
        let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
        options.onReady = { port in readyContinuation.yield(port) }
        let daemon = try KioskDaemon(options)
        let stopped = Stopped()

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
                throw DaemonDidNotStart()
            }
            let test = TestDaemon(
                daemon: daemon, port: port, clock: manualClock, tokens: tokens, config: config,
                dataDirectory: dataDirectory, client: APIClient(port: port, tokens: tokens, concurrency: clientConcurrency),
                stopped: stopped
            )
            do {
                try await test.settle()
                let result = try await body(test)
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

    struct DaemonDidNotStart: Error {}

    /// Waits for the start-up tick (the day's first events) to be durable, so a test's
    /// baseline `lastSeq()` is not moved by it.
    func settle() async throws {
        _ = try await hall.execute(.tick)
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let durable = try journal.lastSeq()
            let committed = await hall.committedSeq
            if durable > 0 && durable == committed { return }
            guard ContinuousClock.now < deadline else { throw DaemonDidNotStart() }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Asks for a graceful shutdown and waits until `run()` has returned; its error, if any.
    func shutdownAndWait() async -> (any Error)? {
        await daemon.shutdown()
        return await stopped.wait()
    }

    /// The events of the test's business date, as the journal holds them.
    func journalEvents() throws -> [StoredEvent] {
        try journal.events(on: TestHall.monday)
    }

    /// Ticket numbers issued today, in journal order.
    func issuedInJournal() throws -> [TicketNumber] {
        try journalEvents().compactMap(\.event.issuedTicket)
    }
}

/// Remembers how `run()` ended and wakes whoever waits for it.
final class Stopped: Sendable {
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
