import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport

/// A real `KioskDaemon` on loopback for one test: a temp data dir, known tokens, a manual hall
/// clock, port 0, no signal handlers. Built the way `kiosk serve` builds it.
struct TestDaemon: Sendable {
    let running: InProcessDaemon
    let clock: ManualClock
    let tokens: AccessTokens
    let config: HallConfig
    let dataDirectory: String
    let client: APIClient

    var daemon: KioskDaemon { running.daemon }
    var port: Int { running.port }
    var hall: Hall { daemon.hall }
    var journal: SQLiteJournal { daemon.store }

    /// Runs `body` against a fresh daemon whose hall clock reads `clock`; shuts the daemon down
    /// and removes its data dir afterwards, whatever `body` does.
    ///
    /// The kiosk role's issue rate limit is off unless `kioskRateLimit`: the hall clock stands
    /// still, so its bucket would never refill for tests that issue many tickets as the kiosk.
    static func with<T: Sendable>(
        config: HallConfig = .defaultHall, at clock: String = "09:00", clientConcurrency: Int = 8, kioskRateLimit: Bool = false,
        _ body: (TestDaemon) async throws -> T
    ) async throws -> T {
        var limited = config
        if !kioskRateLimit { limited.limits.kioskIssueBurst = 0 }
        let config = limited
        // The clock stands still, so only the start-up tick has work; tests call `tick()`.
        return try await InProcessDaemon.onManualClock(config: config, at: clock) { running, manualClock in
            let test = TestDaemon(
                running: running, clock: manualClock, tokens: running.tokens, config: config, dataDirectory: running.dataDirectory,
                client: APIClient(port: running.port, tokens: running.tokens, concurrency: clientConcurrency)
            )
            try await test.settle()
            return try await body(test)
        }
    }

    /// Waits for the start-up tick (the day's first events) to be durable, so a test's
    /// baseline `lastSeq()` is not moved by it.
    func settle() async throws {
        _ = try await hall.execute(.tick)
        try await eventually("the start-up tick to be durable", within: 10, every: .milliseconds(5)) {
            let durable = try journal.lastSeq()
            let committed = await hall.committedSeq
            return durable > 0 && durable == committed
        }
    }

    /// Asks for a graceful shutdown and waits until `run()` has returned; its error, if any.
    func shutdownAndWait() async -> (any Error)? {
        await running.shutdownAndWait()
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
