import Foundation
import Logging
import ServiceLifecycle

/// `kiosk serve --central`: ships the journal in the background for as long as the daemon
/// runs. The hall never waits for it: it reads committed rows through the journal's readers
/// (WAL: no lock against the writer) and writes only its cursor, once per batch. When the
/// centre is away it waits 1, 2, 4 … 60 s (with jitter, so halls do not return in step)
/// between attempts, and drains the backlog in full batches when the centre is back.
public struct CentralShippingService: Service {
    let address: CentralAddress
    let shipper: JournalShipper
    let logger: Logger
    /// How often it looks for new rows once caught up.
    let idle: Duration
    let maxBackoffSeconds: Double
    /// A statement the centre has not answered within this is given up (a centre gone without
    /// a word); the connection is dropped and opened again.
    let statementTimeout: Double = 15

    public init(address: CentralAddress, shipper: JournalShipper, logger: Logger, idle: Duration = .seconds(1), maxBackoffSeconds: Double = 60) {
        self.address = address
        self.shipper = shipper
        self.logger = logger
        self.idle = idle
        self.maxBackoffSeconds = maxBackoffSeconds
    }

    /// The wait after `failures` failed attempts in a row: doubling from 1 s to the maximum,
    /// then between half and all of it.
    static func backoff(after failures: Int, max: Double, jitter: Double) -> Double {
        let full = min(max, pow(2, Double(min(failures, 30) - 1)))
        return full * (0.5 + 0.5 * jitter)
    }

    public func run() async throws {
        var session: CentralSession?
        var failures = 0
        var reported: String?
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var wait = idle
            do {
                if session?.connection.isClosed == true {
                    await session?.close()
                    session = nil
                }
                if session == nil {
                    session = try await CentralSession.connect(address, logger: logger)
                    session?.statementTimeout = statementTimeout
                }
                let current = session!
                let progress = try await cancelWhenGracefulShutdown { try await shipper.shipAll(current) }
                if failures > 0 || progress.sent > 0 {
                    logger.info("shipped to the centre", metadata: [
                        "central": "\(address)", "rows": "\(progress.sent)", "resent": "\(progress.resent)", "batches": "\(progress.batches)",
                        "cursor": "\((try? shipper.journal.centralCursor(.event)) ?? 0)",
                    ])
                }
                failures = 0
                reported = nil
            } catch {
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                await session?.close()
                session = nil
                failures += 1
                let seconds = Self.backoff(after: failures, max: maxBackoffSeconds, jitter: Double.random(in: 0...1))
                wait = .milliseconds(Int64(seconds * 1000))
                // Once per kind of failure, not at every attempt: a centre away for a night is
                // one line, and one more when it is back.
                let failure = CentralError(error)
                if reported != failure.description {
                    reported = failure.description
                    logger.warning("central shipping paused; the hall runs on", metadata: [
                        "central": "\(address)", "error": "\(failure)", "retry_in_s": "\(Int(seconds.rounded(.up)))",
                    ])
                }
            }
            let pause = wait
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            } catch {
                break
            }
        }
        await session?.close()
    }
}
