import Foundation
import KioskCore
import KioskStore
import Logging
import ServiceLifecycle
import Synchronization

/// Sends the outbox: a `Service` that keeps up to `concurrency` requests in flight to the
/// gateway (whose transport keeps that many connections alive), checks each message is still
/// worth sending, and records what the gateway said.
///
/// Woken by the commit that wrote a message (`Journal.outboxWakeups`), with a slow poll as the
/// fallback (retries falling due, a wake-up lost to a crash of the notifier's listener).
///
/// Batched: the answers that came in while the last write ran are written together with the
/// next claim in one transaction (`Journal.record(_:claimingUpTo:now:)`), so a burst costs one
/// durable write per batch, not two per message.
///
/// At least once: a message is marked `sending` before its request leaves, and stays so until
/// its answer is written; a crash in between leaves it there and the next start puts it back
/// to `pending`. At most `Options.window` (2 × `concurrency`) messages are claimed and not yet
/// recorded at once (an answer waiting for the next write still counts), so a crash can
/// duplicate at most that many.
public struct OutboxWorker: Service {
    public struct Options: Sendable {
        /// Gateway requests at once (the transport should keep as many connections).
        public var concurrency: Int = 4
        /// Messages claimed (`sending`) and not yet recorded at once: twice `concurrency`, so
        /// half of them can be sent while the other half's answers are written. The most a
        /// crash can make the gateway send twice.
        public var window: Int { 2 * max(1, concurrency) }
        public var retry = RetryPolicy()
        /// How often an idle loop looks for due messages when nothing woke it: retries falling
        /// due (new messages wake it at once).
        public var pollInterval: Duration = .seconds(1)
        /// The clock deadlines and backoff are measured on (the hall's).
        public var clock: @Sendable () -> Date = Date.init
        /// A uniform random number in [0, 1) for the jitter (tests fix it).
        public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
        /// How long a held message waits before it is looked at again, seconds.
        public var holdInterval: TimeInterval = 60

        public init() {}
    }

    /// What the worker did since it started, by outcome (for metrics and tests).
    public final class Tally: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        private let onAdd: @Sendable (String) -> Void

        /// `onAdd` sees every outcome as it is counted (e.g. to feed a metrics counter).
        public init(onAdd: @escaping @Sendable (String) -> Void = { _ in }) {
            self.onAdd = onAdd
        }

        func add(_ key: String) {
            counts.withLock { $0[key, default: 0] += 1 }
            onAdd(key)
        }

        public subscript(key: String) -> Int { counts.withLock { $0[key] ?? 0 } }
        public var all: [String: Int] { counts.withLock { $0 } }
    }

    let journal: any Journal
    let gateway: any SMSGateway
    let ticketState: @Sendable (BusinessDate, TicketNumber) async -> TicketState?
    let appointmentState: @Sendable (BusinessDate, String) async -> Appointment.State?
    let held: @Sendable (BusinessDate) async -> Bool
    let options: Options
    let logger: Logger
    public let tally: Tally
    /// A journal that cannot write fails every loop: said at most once per 10 s per kind.
    let faults = FaultLogThrottle()

    /// - Parameters:
    ///   - held: whether messages of a business day must wait rather than be judged now (the
    ///     hall moved to another day on a date it does not trust yet: a wrong clock must not
    ///     make them stale or expired). Asked before anything else; a held message goes back
    ///     to pending for `holdInterval`, its attempt not counted.
    ///   - appointmentState: an appointment reminder's booking now (nil: not in the book), asked
    ///     in its place: a reminder of a cancelled or checked-in appointment is stale.
    ///   - ticketState: the ticket's state now (nil: not in today's hall), asked right
    ///     before each attempt so a stale message is dropped, never sent.
    public init(
        journal: any Journal, gateway: any SMSGateway, options: Options = Options(), tally: Tally = Tally(),
        logger: Logger = Logger(label: "kiosk.sms"),
        held: @escaping @Sendable (BusinessDate) async -> Bool = { _ in false },
        appointmentState: @escaping @Sendable (BusinessDate, String) async -> Appointment.State? = { _, _ in nil },
        ticketState: @escaping @Sendable (BusinessDate, TicketNumber) async -> TicketState?
    ) {
        self.appointmentState = appointmentState
        self.journal = journal
        self.gateway = gateway
        self.options = options
        self.tally = tally
        self.logger = logger
        self.held = held
        self.ticketState = ticketState
    }

    public func run() async throws {
        let resumed = try await journal.resumeInterruptedSends(now: options.clock())
        if resumed > 0 {
            logger.warning("resending messages a crash interrupted mid-send (the gateway may have them already)", metadata: ["sms.count": "\(resumed)"])
        }
        // One doorbell (one pending ring at most); commits that write messages and the
        // fallback poll ring it.
        let (doorbell, bell) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let commits = journal.outboxWakeups()
        bell.yield()   // what is due already
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in commits.cancelOnGracefulShutdown() { bell.yield() }
            }
            group.addTask {
                while !Task.isShuttingDownGracefully && !Task.isCancelled {
                    do {
                        try await cancelWhenGracefulShutdown { try await Task.sleep(for: options.pollInterval) }
                    } catch {
                        break
                    }
                    bell.yield()
                }
            }
            group.addTask {
                for await _ in doorbell.cancelOnGracefulShutdown() { await sendDue() }
            }
        }
    }

    /// Sends until nothing is due and nothing is in flight (or a graceful shutdown: no new
    /// claims; what is claimed is still sent and its answer written).
    ///
    /// Each turn writes the answers that came in since the last write and claims as many due
    /// messages as the window has room for, in one transaction, then waits for an answer.
    /// Up to `concurrency` senders take claimed messages one by one meanwhile, so requests go
    /// on while a batch of answers is being written.
    func sendDue() async {
        let line = SendingLine()
        let (answered, ring) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        var answers = answered.makeAsyncIterator()
        let window = options.window
        await withTaskGroup(of: Void.self) { group in
            var unrecorded = 0   // claimed, answer not yet written
            var stopClaiming = false
            while true {
                let finished = line.takeAnswers()
                let stopping = stopClaiming || Task.isShuttingDownGracefully || Task.isCancelled
                let room = stopping ? 0 : window - (unrecorded - finished.count)
                do {
                    let now = options.clock()
                    var claimed: [OutboxMessage] = []
                    if !finished.isEmpty || room > 0 {
                        // Nothing to write and nothing due: no write transaction at all.
                        let due = finished.isEmpty ? try await journal.nextOutboxAttempt().map { $0 <= now } ?? false : true
                        if due {
                            claimed = try await journal.record(finished.map(\.record), claimingUpTo: room, now: now)
                        }
                    }
                    unrecorded += claimed.count - finished.count
                    for answer in finished { answer.report(to: tally, logger: logger) }
                    line.queue(claimed)
                } catch {
                    // Unwritten answers leave their rows `sending`: resent after a restart (at
                    // least once). Claim nothing more; what is claimed is still sent.
                    unrecorded -= finished.count
                    stopClaiming = true
                    if let heldBack = faults.admit("outbox." + JournalFault.kind(of: error)) {
                        logger.error("outbox unavailable", metadata: ["error": "\(error)", "journal.failures_not_logged": "\(heldBack)"])
                    }
                }
                while line.startSender(limit: options.concurrency) {
                    group.addTask {
                        while let message = line.nextToSend() {
                            line.answer(await self.attempt(message))
                            ring.yield()
                        }
                    }
                }
                if unrecorded == 0 { return }
                if line.hasAnswers { continue }
                guard await answers.next() != nil else { return }
            }
        }
    }
}

/// The sending turn's shared state: claimed messages waiting for a sender, the answers
/// waiting for the next write, and how many senders are running.
private final class SendingLine: Sendable {
    private struct State {
        var toSend: [OutboxMessage] = []
        var answers: [OutboxAttempt] = []
        var senders = 0
    }

    private let state = Mutex(State())

    func queue(_ messages: [OutboxMessage]) { state.withLock { $0.toSend += messages } }

    /// Counts one more sender if there is work for it and fewer than `limit` run.
    func startSender(limit: Int) -> Bool {
        state.withLock { s in
            guard s.senders < max(1, limit), s.senders < s.toSend.count else { return false }
            s.senders += 1
            return true
        }
    }

    /// The next message to send, or nil, and the sender stops (counted off in the same step, so
    /// a message queued after it is seen by `startSender`).
    func nextToSend() -> OutboxMessage? {
        state.withLock { s in
            if s.toSend.isEmpty {
                s.senders -= 1
                return nil
            }
            return s.toSend.removeFirst()
        }
    }

    func answer(_ attempt: OutboxAttempt) { state.withLock { $0.answers.append(attempt) } }
    func takeAnswers() -> [OutboxAttempt] { state.withLock { s in defer { s.answers = [] }; return s.answers } }
    var hasAnswers: Bool { state.withLock { !$0.answers.isEmpty } }
}
