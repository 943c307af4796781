import Foundation
import KioskCore
import KioskStore
import Logging
import ServiceLifecycle
import Synchronization

/// Sends the outbox: a `Service` with `concurrency` sending loops, each claiming one due
/// message at a time, checking it is still worth sending, sending it through the gateway and
/// recording what the gateway said.
///
/// Woken by the commit that wrote a message (`Journal.outboxWakeups`), with a slow poll as the
/// fallback (retries falling due, a wake-up lost to a crash of the notifier's listener).
///
/// At least once: a message is marked `sending` before its request leaves, and a crash before
/// the answer is recorded leaves it there; the next start puts it back to `pending`. At most
/// `concurrency` messages can be in that window at once, so a crash can duplicate at most
/// that many.
public struct OutboxWorker: Service {
    public struct Options: Sendable {
        /// Messages in flight at once.
        public var concurrency: Int = 4
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
        // Each sending loop has a doorbell (one pending ring at most); commits that write
        // messages and the fallback poll ring them all.
        let doorbells = (0..<max(1, options.concurrency)).map { _ in AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1)) }
        let ringAll: @Sendable () -> Void = { for (_, bell) in doorbells { bell.yield() } }
        let commits = journal.outboxWakeups()
        ringAll()   // what is due already
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in commits.cancelOnGracefulShutdown() { ringAll() }
            }
            group.addTask {
                while !Task.isShuttingDownGracefully && !Task.isCancelled {
                    do {
                        try await cancelWhenGracefulShutdown { try await Task.sleep(for: options.pollInterval) }
                    } catch {
                        break
                    }
                    ringAll()
                }
            }
            for (doorbell, _) in doorbells {
                group.addTask {
                    for await _ in doorbell.cancelOnGracefulShutdown() { await sendDue() }
                }
            }
        }
    }

    /// Claims and sends one message at a time until none is due (or a graceful shutdown; a
    /// send in flight finishes first).
    func sendDue() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let now = options.clock()
                guard let due = try await journal.nextOutboxAttempt(), due <= now,
                      let message = try await journal.claimDueMessages(now: now, limit: 1).first
                else { return }
                await process(message)
            } catch {
                if let heldBack = faults.admit("outbox." + JournalFault.kind(of: error)) {
                    logger.error("outbox unavailable", metadata: ["error": "\(error)", "journal.failures_not_logged": "\(heldBack)"])
                }
                return
            }
        }
    }

    /// One attempt at `message` (already claimed: `sending`).
    func process(_ message: OutboxMessage) async {
        var meta: Logger.Metadata = [
            "sms.id": "\(message.id)", "ticket.number": "\(message.ticket)", "sms.trigger": "\(message.trigger.rawValue)",
            "sms.to": "\(message.phoneMasked)", "sms.attempt": "\(message.attempts)",
        ]
        do {
            var now = options.clock()
            // Before the deadline: a deadline of the day before is always past on the next
            // day's clock, right or wrong.
            if await held(message.date) {
                try await journal.markHeld(message.id, next: now.addingTimeInterval(options.holdInterval), now: now)
                tally.add("held")
                logger.debug("sms held: its day is not the hall's, whose date is not yet trusted", metadata: meta)
                return
            }
            if now >= message.deadline {
                try await journal.markFinal(message.id, .dropped, reason: "expired", status: nil, answer: nil, now: now)
                tally.add("dropped_expired")
                logger.notice("sms dropped: past its deadline", metadata: meta)
                return
            }
            if message.text.utf16.count > SMSTemplate.segmentLength {
                // `config check` refuses templates that can do this; never cut a message silently.
                try await journal.markFinal(message.id, .failed, reason: "too_long", status: nil, answer: nil, now: now)
                tally.add("failed_too_long")
                logger.error("sms failed: longer than one segment", metadata: meta)
                return
            }
            let current: Bool
            if message.trigger.isAppointmentReminder {
                let booking = await appointmentState(message.date, message.ticket)
                current = message.trigger.isCurrent(forAppointment: booking)
                meta["appointment.state"] = "\(booking?.name ?? "gone")"
            } else {
                let state = await ticketState(message.date, message.ticket)
                current = message.trigger.isCurrent(for: state, window: message.counter)
                meta["ticket.state"] = "\(state?.name ?? "gone")"
            }
            guard current else {
                try await journal.markFinal(message.id, .dropped, reason: "stale", status: nil, answer: nil, now: options.clock())
                tally.add("dropped_stale")
                logger.info("sms dropped: stale", metadata: meta)
                return
            }
            let outcome = await gateway.send(message)
            now = options.clock()
            switch outcome {
            case let .accepted(status, answer, gatewayID, delivered):
                try await journal.markAccepted(message.id, status: status, answer: answer, gatewayID: gatewayID, delivered: delivered, now: now)
                tally.add(delivered ? "delivered" : "accepted")
                logger.debug("sms accepted", metadata: meta)
            case let .logged(answer):
                try await journal.markLogged(message.id, answer: answer, now: now)
                tally.add("logged")
                logger.debug("sms logged", metadata: meta)
            case let .permanent(status, answer):
                try await journal.markFinal(message.id, .failed, reason: "permanent", status: status, answer: answer, now: now)
                tally.add("failed_permanent")
                meta["sms.answer"] = "\(PhoneMasking.mask(answer))"
                logger.error("sms failed: the gateway refused it", metadata: meta)
            case let .transient(status, answer, retryAfter):
                meta["sms.answer"] = "\(PhoneMasking.mask(answer))"
                let wait = options.retry.delay(afterAttempt: message.attempts, retryAfter: retryAfter, unit: options.random())
                let next = now.addingTimeInterval(wait)
                if message.attempts >= options.retry.maxAttempts {
                    try await journal.markFinal(message.id, .failed, reason: "gave_up", status: status, answer: answer, now: now)
                    tally.add("failed_gave_up")
                    logger.error("sms failed: no attempt got through", metadata: meta)
                } else if next >= message.deadline {
                    try await journal.markFinal(message.id, .dropped, reason: "expired", status: status, answer: answer, now: now)
                    tally.add("dropped_expired")
                    logger.warning("sms dropped: the gateway stayed unavailable until its deadline", metadata: meta)
                } else {
                    try await journal.markRetry(message.id, next: next, status: status, answer: answer, now: now)
                    tally.add("retried")
                    meta["sms.retry_in_s"] = "\(Int(wait.rounded()))"
                    logger.notice("sms will be retried", metadata: meta)
                }
            }
        } catch {
            // The outbox could not record the answer: the row stays `sending` and is resent
            // after a restart (at least once).
            if let heldBack = faults.admit("outbox_record." + JournalFault.kind(of: error)) {
                meta["journal.failures_not_logged"] = "\(heldBack)"
                logger.error("outbox write failed", metadata: meta.merging(["error": "\(error)"]) { $1 })
            }
        }
    }
}
