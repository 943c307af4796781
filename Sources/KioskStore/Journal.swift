import Foundation
import KioskCore

/// The durable log of the hall's events, with what commits beside them (contacts, text
/// messages, printed estimates): what was acknowledged is in here, and start-up is a fold over it.
///
/// The port the hall actor, the SMS outbox worker and the routes speak to. Every call is
/// `async` and suspends rather than blocks: the live adapter (`LiveJournal`) runs SQLite off
/// Swift's cooperative pool; `FakeJournal` (KioskTestSupport) keeps everything in memory.
public protocol Journal: Sendable {
    // MARK: Events

    /// Appends `batch` in one durable transaction. Returns the sequence number given to each
    /// event, in order. Readers of the outbox are woken once it is durable, if it held messages.
    func commit(_ batch: JournalBatch) async throws -> [Int64]

    /// Every event of `date`, in commit order.
    func events(on date: BusinessDate) async throws -> [StoredEvent]

    /// Events after sequence number `seq` (for a live stream that resumes), in order.
    func events(after seq: Int64, limit: Int) async throws -> [StoredEvent]

    /// Business dates with events before `date`, newest first, at most `limit`.
    func businessDates(before date: BusinessDate, limit: Int) async throws -> [BusinessDate]

    /// The newest sequence number, 0 when empty.
    func lastSeq() async throws -> Int64

    /// The hall config in force on `date`, as the journal recorded it (nil: none recorded).
    func config(inForceOn date: BusinessDate) async throws -> SQLiteJournal.ConfigRecord?

    /// The configs the `configChanged` events with `versions` name, and the one in force
    /// before the first of them: what a replay of a day with live changes needs.
    func configTimeline(versions: [Int64]) async throws -> ConfigTimeline

    /// The newest config record's version (its `hall_config` seq), 0 when none.
    func lastConfigVersion() async throws -> Int64

    /// Rows that could not be read (quarantined): the journal is degraded when this is not 0.
    var unreadableRowCount: Int { get }

    // MARK: Contacts (phone numbers: only until the business day ends)

    /// Today's contacts.
    func contacts(on date: BusinessDate) async throws -> [TicketContact]

    /// The contact left for a ticket of `date`, if any.
    func contact(for ticket: TicketNumber, on date: BusinessDate) async throws -> TicketContact?

    /// Deletes the phone numbers of every business date before `date`. Returns how many rows.
    @discardableResult
    func purgeContacts(before date: BusinessDate) async throws -> Int

    /// The `Idempotency-Key`s of `date`'s keyed issues.
    func issueKeys(on date: BusinessDate) async throws -> [IssueKeyRecord]

    // MARK: Printed estimates

    /// The day's printed estimates, in issue order.
    func printedEstimates(on date: BusinessDate) async throws -> [PrintedEstimate]

    /// Notes when tickets' heads-ups fell due (the first time only).
    func recordHeadsUps(_ tickets: [TicketNumber], on date: BusinessDate, at: Date) async throws

    // MARK: Outbox

    /// Records drafts not tied to an event (heads-up messages), idempotently; wakes the outbox's
    /// readers when any was new. Returns how many were new.
    @discardableResult
    func enqueue(_ drafts: [OutboxDraft]) async throws -> Int

    /// Tickets of `date` that already have a message of `trigger`.
    func outboxTickets(date: BusinessDate, trigger: SMSTrigger) async throws -> Set<TicketNumber>

    /// A ticket's messages, oldest first.
    func outboxMessages(date: BusinessDate, ticket: TicketNumber) async throws -> [OutboxMessage]

    /// Forgets the full numbers of messages before `date`; messages still waiting are dropped.
    @discardableResult
    func purgeOutboxPhones(before date: BusinessDate, now: Date) async throws -> Int

    /// Messages a crash left in `sending` go back to `pending`, and held ones are due at once.
    /// Returns how many were interrupted.
    @discardableResult
    func resumeInterruptedSends(now: Date) async throws -> Int

    /// The earliest time a pending message is due, if any.
    func nextOutboxAttempt() async throws -> Date?

    /// Claims up to `limit` pending messages due at `now` (each moves to `sending`).
    func claimDueMessages(now: Date, limit: Int) async throws -> [OutboxMessage]

    /// Writes the answers of finished attempts and claims up to `limit` more due messages, in
    /// one transaction: the outbox worker's one durable write per batch of answers.
    func record(_ records: [OutboxRecord], claimingUpTo limit: Int, now: Date) async throws -> [OutboxMessage]

    /// The gateway took the message.
    func markAccepted(_ id: Int64, status: Int?, answer: String, gatewayID: String?, delivered: Bool, now: Date) async throws

    /// The log outbox wrote the message down (nobody received it): final, never `delivered`.
    func markLogged(_ id: Int64, answer: String, now: Date) async throws

    /// A transient failure: back to pending, due at `next`.
    func markRetry(_ id: Int64, next: Date, status: Int?, answer: String, now: Date) async throws

    /// Not sent but held back (its day is not the hall's, whose date is not yet trusted): back
    /// to pending, due at `next`, the claim not counted as an attempt.
    func markHeld(_ id: Int64, next: Date, now: Date) async throws

    /// Ends a message without (further) sending: `failed` or `dropped`.
    func markFinal(_ id: Int64, _ state: OutboxState, reason: String, status: Int?, answer: String?, now: Date) async throws

    /// Applies a gateway's delivery report (idempotent).
    func applyDeliveryReport(id: Int64, type: Int, delivered: Bool?, now: Date) async throws -> DeliveryReportOutcome

    // MARK: Reports (range reads)

    /// Every 差评 and its follow-up, as the journal has them now.
    func followUpBook(holidays: [BusinessDate]) async throws -> FollowUpBook

    /// SMS messages of the period by trigger, then state.
    func smsOutcomes(from: BusinessDate, to: BusinessDate) async throws -> [String: [String: Int]]

    /// The hall's report of `from`…`to` (`today` decides which follow-ups are overdue).
    func report(from: BusinessDate, to: BusinessDate, today: BusinessDate, config: HallConfig) async throws -> HallReport

    /// A wake-up each time a commit has made new messages durable (coalesced: one pending
    /// wake-up at most). The stream ends when the caller stops iterating it.
    func outboxWakeups() -> AsyncStream<Void>
}

/// One group commit: the events, and what commits with them in the same transaction.
public struct JournalBatch: Sendable {
    public var events: [HallEvent]
    /// The contacts of tickets the events issue.
    public var contacts: [TicketContact]
    /// The text messages the events trigger.
    public var outbox: [OutboxDraft]
    /// The estimates printed on the tickets the events issue.
    public var printed: [PrintedEstimate]
    /// The `Idempotency-Key`s of the issues among the events.
    public var issueKeys: [IssueKeyRecord]
    /// Configs applied live, each named by a `configChanged` event among the events.
    public var configs: [AppliedConfig]

    public init(
        events: [HallEvent], contacts: [TicketContact] = [], outbox: [OutboxDraft] = [], printed: [PrintedEstimate] = [],
        issueKeys: [IssueKeyRecord] = [], configs: [AppliedConfig] = []
    ) {
        self.configs = configs
        self.events = events
        self.contacts = contacts
        self.outbox = outbox
        self.printed = printed
        self.issueKeys = issueKeys
    }
}

/// An event with its place in the journal.
public struct StoredEvent: Sendable, Equatable {
    public var seq: Int64
    public var date: BusinessDate
    public var event: HallEvent

    public init(seq: Int64, date: BusinessDate, event: HallEvent) {
        self.seq = seq
        self.date = date
        self.event = event
    }
}

/// A config applied live: recorded as `hall_config` row `version` in the same transaction as
/// the `configChanged` event that names it.
public struct AppliedConfig: Sendable {
    public var version: Int64
    public var at: Date
    public var config: HallConfig

    public init(version: Int64, at: Date, config: HallConfig) {
        self.version = version
        self.at = at
        self.config = config
    }
}

/// The configs a day's replay switches between (`QueueEngine.replay(_:configs:)`).
public struct ConfigTimeline: Sendable {
    /// The config in force before the first of the asked versions (nil: none recorded).
    public var initial: HallConfig?
    public var versions: [Int64: HallConfig]

    public init(initial: HallConfig?, versions: [Int64: HallConfig]) {
        self.initial = initial
        self.versions = versions
    }

    /// The `configChanged` versions among `events`.
    public static func versions(in events: [HallEvent]) -> [Int64] {
        events.compactMap { if case let .configChanged(version, _) = $0.kind { return version } else { return nil } }
    }
}

extension Journal {
    /// The appointment events of the days before `date` that can hold a booking for `date` or
    /// later (the last `days` business dates with events): a start-up folds them, then today's,
    /// into the appointment book.
    public func appointmentHistory(before date: BusinessDate, days: Int) async throws -> [HallEvent] {
        var out: [HallEvent] = []
        for day in try await businessDates(before: date, limit: days).reversed() {
            out += try await events(on: day).map(\.event).filter(\.isAppointmentEvent)
        }
        return out
    }
}
