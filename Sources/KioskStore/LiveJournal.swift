import Dispatch
import Foundation
import KioskCore

/// The live adapter of the `Journal` port: the SQLite journal (`SQLiteJournal`, GRDB) with
/// every call off Swift's cooperative pool. Commits and outbox writes await GRDB's own writer
/// queue; the other reads and writes run on the journal's dispatch queue and the caller
/// suspends meanwhile, so a slow disk never holds one of the pool's few threads.
public struct LiveJournal: Journal {
    /// The journal file itself, for tools and tests that read it synchronously.
    public let store: SQLiteJournal
    private let queue: DispatchQueue

    public init(_ store: SQLiteJournal) {
        self.store = store
        // Concurrent: GRDB's pool lets readers run beside its one writer.
        queue = DispatchQueue(label: "kiosk.journal", attributes: .concurrent)
    }

    /// Opens (creating and migrating if needed) the journal at `path`, off the cooperative pool.
    public static func open(path: String, calendar: HallCalendar) async throws -> LiveJournal {
        let queue = DispatchQueue(label: "kiosk.journal.open")
        let store = try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try SQLiteJournal(path: path, calendar: calendar) }) }
        }
        return LiveJournal(store)
    }

    /// Runs `body` on the journal's queue; the caller suspends until it is done.
    private func offPool<T: Sendable>(_ body: @escaping @Sendable (SQLiteJournal) throws -> T) async throws -> T {
        let store = self.store
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(store) }) }
        }
    }

    public func commit(_ batch: JournalBatch) async throws -> [Int64] {
        try await store.appendAsync(
            batch.events, contacts: batch.contacts, outbox: batch.outbox, printed: batch.printed, issueKeys: batch.issueKeys,
            configs: batch.configs
        )
    }

    public func events(on date: BusinessDate) async throws -> [StoredEvent] {
        try await offPool { try $0.events(on: date) }
    }

    public func events(after seq: Int64, limit: Int) async throws -> [StoredEvent] {
        try await offPool { try $0.events(after: seq, limit: limit) }
    }

    public func businessDates(before date: BusinessDate, limit: Int) async throws -> [BusinessDate] {
        try await offPool { try $0.businessDates(before: date, limit: limit) }
    }

    public func lastSeq() async throws -> Int64 {
        try await offPool { try $0.lastSeq() }
    }

    public var unreadableRowCount: Int { store.unreadableRowCount }

    public func contacts(on date: BusinessDate) async throws -> [TicketContact] {
        try await offPool { try $0.contacts(on: date) }
    }

    public func contact(for ticket: TicketNumber, on date: BusinessDate) async throws -> TicketContact? {
        try await offPool { try $0.contact(for: ticket, on: date) }
    }

    @discardableResult
    public func purgeContacts(before date: BusinessDate) async throws -> Int {
        try await offPool { try $0.purgeContacts(before: date) }
    }

    public func issueKeys(on date: BusinessDate) async throws -> [IssueKeyRecord] {
        try await offPool { try $0.issueKeys(on: date) }
    }

    public func printedEstimates(on date: BusinessDate) async throws -> [PrintedEstimate] {
        try await offPool { try $0.printedEstimates(on: date) }
    }

    public func recordHeadsUps(_ tickets: [TicketNumber], on date: BusinessDate, at: Date) async throws {
        try await store.recordHeadsUps(tickets, on: date, at: at)
    }

    @discardableResult
    public func enqueue(_ drafts: [OutboxDraft]) async throws -> Int {
        try await store.enqueue(drafts)
    }

    public func outboxTickets(date: BusinessDate, trigger: SMSTrigger) async throws -> Set<TicketNumber> {
        try await offPool { try $0.outboxTickets(date: date, trigger: trigger) }
    }

    public func outboxMessages(date: BusinessDate, ticket: TicketNumber) async throws -> [OutboxMessage] {
        try await offPool { try $0.outboxMessages(date: date, ticket: ticket) }
    }

    @discardableResult
    public func purgeOutboxPhones(before date: BusinessDate, now: Date) async throws -> Int {
        try await offPool { try $0.purgeOutboxPhones(before: date, now: now) }
    }

    @discardableResult
    public func resumeInterruptedSends(now: Date) async throws -> Int {
        try await offPool { try $0.resumeInterruptedSends(now: now) }
    }

    public func nextOutboxAttempt() async throws -> Date? {
        try await offPool { try $0.nextOutboxAttempt() }
    }

    public func claimDueMessages(now: Date, limit: Int) async throws -> [OutboxMessage] {
        try await store.claimDueMessages(now: now, limit: limit)
    }

    public func record(_ records: [OutboxRecord], claimingUpTo limit: Int, now: Date) async throws -> [OutboxMessage] {
        try await store.record(records, claimingUpTo: limit, now: now)
    }

    public func markAccepted(_ id: Int64, status: Int?, answer: String, gatewayID: String?, delivered: Bool, now: Date) async throws {
        try await store.markAccepted(id, status: status, answer: answer, gatewayID: gatewayID, delivered: delivered, now: now)
    }

    public func markLogged(_ id: Int64, answer: String, now: Date) async throws {
        try await store.markLogged(id, answer: answer, now: now)
    }

    public func config(inForceOn date: BusinessDate) async throws -> SQLiteJournal.ConfigRecord? {
        try await offPool { try $0.config(inForceOn: date) }
    }

    public func configTimeline(versions: [Int64]) async throws -> ConfigTimeline {
        try await offPool { try $0.configTimeline(versions: versions) }
    }

    public func lastConfigVersion() async throws -> Int64 {
        try await offPool { try $0.lastConfigVersion() }
    }

    /// The config the daemon starts on (see `SQLiteJournal.configAtStart`).
    public func configAtStart(file: HallConfig, at now: Date) async throws -> SQLiteJournal.StartConfig {
        try await offPool { try $0.configAtStart(file: file, at: now) }
    }

    /// Records `config` as in force from `now` when it differs from the last recorded one.
    public func recordConfigIfChanged(_ config: HallConfig, at now: Date) async throws -> Bool {
        try await offPool { try $0.recordConfigIfChanged(config, at: now) }
    }

    public func markRetry(_ id: Int64, next: Date, status: Int?, answer: String, now: Date) async throws {
        try await store.markRetry(id, next: next, status: status, answer: answer, now: now)
    }

    public func markHeld(_ id: Int64, next: Date, now: Date) async throws {
        try await store.markHeld(id, next: next, now: now)
    }

    public func markFinal(_ id: Int64, _ state: OutboxState, reason: String, status: Int?, answer: String?, now: Date) async throws {
        try await store.markFinal(id, state, reason: reason, status: status, answer: answer, now: now)
    }

    public func applyDeliveryReport(id: Int64, type: Int, delivered: Bool?, now: Date) async throws -> DeliveryReportOutcome {
        try await offPool { try $0.applyDeliveryReport(id: id, type: type, delivered: delivered, now: now) }
    }

    public func followUpBook(holidays: [BusinessDate]) async throws -> FollowUpBook {
        try await offPool { try $0.followUpBook(holidays: holidays) }
    }

    public func smsOutcomes(from: BusinessDate, to: BusinessDate) async throws -> [String: [String: Int]] {
        try await offPool { try $0.smsOutcomes(from: from, to: to) }
    }

    public func report(from: BusinessDate, to: BusinessDate, today: BusinessDate, config: HallConfig) async throws -> HallReport {
        try await offPool { try JournalReport(journal: $0, config: config).report(from: from, to: to, today: today) }
    }

    public func outboxWakeups() -> AsyncStream<Void> {
        store.outboxBell.subscribe()
    }
}
