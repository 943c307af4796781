import Foundation
import KioskCore
import KioskStore
import Synchronization

/// A `Journal` in memory, for fast unit tests of what speaks to the journal (the hall actor,
/// the outbox worker): the same answers as the SQLite journal for the same calls, and the same
/// wake-up when a commit writes messages. Nothing survives the process: real-file tests use
/// `LiveJournal`.
public final class FakeJournal: Journal {
    private struct Contents {
        var events: [StoredEvent] = []
        var contacts: [String: TicketContact] = [:]
        var printed: [String: PrintedEstimate] = [:]
        var outbox: [OutboxMessage] = []
        var issueKeys: [IssueKeyRecord] = []
        /// Configs applied live, by version.
        var configs: [Int64: HallConfig] = [:]
    }

    private let contents = Mutex(Contents())
    private let calendar: HallCalendar
    private let bell = OutboxBell()
    /// When set, every commit throws it (a full or failing disk).
    public let failCommits = Mutex<(any Error)?>(nil)

    public init(calendar: HallCalendar) {
        self.calendar = calendar
    }

    private func key(_ date: BusinessDate, _ ticket: TicketNumber) -> String { "\(date) \(ticket)" }

    /// Every message, oldest first.
    public var allOutboxMessages: [OutboxMessage] { contents.withLock { $0.outbox } }

    public func commit(_ batch: JournalBatch) async throws -> [Int64] {
        if let error = failCommits.withLock({ $0 }) { throw error }
        let (seqs, added) = contents.withLock { c -> ([Int64], Int) in
            var seqs: [Int64] = []
            for event in batch.events {
                let seq = (c.events.last?.seq ?? 0) + 1
                c.events.append(StoredEvent(seq: seq, date: calendar.businessDate(of: event.at), event: event))
                seqs.append(seq)
            }
            for contact in batch.contacts {
                guard let date = ContactDay.of(contact.ticket, committedWith: batch.events, calendar: calendar) else { continue }
                c.contacts[key(date, contact.ticket)] = contact
            }
            c.issueKeys += batch.issueKeys
            for applied in batch.configs { c.configs[applied.version] = applied.config }
            for estimate in batch.printed {
                c.printed[key(calendar.businessDate(of: estimate.issuedAt), estimate.ticket)] = estimate
            }
            return (seqs, Self.insert(batch.outbox, into: &c))
        }
        if added > 0 { bell.ring() }
        return seqs
    }

    /// Keeps the first draft of each `(date, ticket, trigger, recipient)`, like the table's key.
    private static func insert(_ drafts: [OutboxDraft], into c: inout Contents) -> Int {
        var added = 0
        for d in drafts where !c.outbox.contains(where: {
            $0.date == d.date && $0.ticket == d.ticket && $0.trigger == d.trigger && $0.recipient == d.recipient && $0.counter == d.counter
        }) {
            c.outbox.append(OutboxMessage(
                id: Int64(c.outbox.count + 1), date: d.date, ticket: d.ticket, trigger: d.trigger, recipient: d.recipient, counter: d.counter,
                phone: d.phone, phoneMasked: d.phone.masked, text: d.text, state: .pending, reason: nil, attempts: 0,
                createdAt: d.createdAt, nextAttemptAt: d.createdAt, deadline: d.deadline, updatedAt: d.createdAt
            ))
            added += 1
        }
        return added
    }

    public func events(on date: BusinessDate) async throws -> [StoredEvent] {
        contents.withLock { $0.events.filter { $0.date == date } }
    }

    public func events(after seq: Int64, limit: Int) async throws -> [StoredEvent] {
        contents.withLock { Array($0.events.filter { $0.seq > seq }.prefix(limit)) }
    }

    public func businessDates(before date: BusinessDate, limit: Int) async throws -> [BusinessDate] {
        contents.withLock { Array(Set($0.events.map(\.date).filter { $0 < date }).sorted(by: >).prefix(limit)) }
    }

    public func lastSeq() async throws -> Int64 {
        contents.withLock { $0.events.last?.seq ?? 0 }
    }

    /// Every row reads: nothing is ever quarantined here.
    public var unreadableRowCount: Int { 0 }

    public func contacts(on date: BusinessDate) async throws -> [TicketContact] {
        contents.withLock { c in c.contacts.filter { $0.key.hasPrefix("\(date) ") }.map(\.value) }
    }

    public func contact(for ticket: TicketNumber, on date: BusinessDate) async throws -> TicketContact? {
        contents.withLock { $0.contacts[key(date, ticket)] }
    }

    @discardableResult
    public func purgeContacts(before date: BusinessDate) async throws -> Int {
        contents.withLock { c in
            let old = c.contacts.keys.filter { BusinessDate(String($0.prefix(10))).map { $0 < date } ?? false }
            for k in old { c.contacts[k] = nil }
            return old.count
        }
    }

    public func issueKeys(on date: BusinessDate) async throws -> [IssueKeyRecord] {
        contents.withLock { $0.issueKeys.filter { $0.date == date } }
    }

    public func printedEstimates(on date: BusinessDate) async throws -> [PrintedEstimate] {
        contents.withLock { c in
            c.printed.filter { $0.key.hasPrefix("\(date) ") }.map(\.value)
                .sorted { ($0.issuedAt, $0.ticket) < ($1.issuedAt, $1.ticket) }
        }
    }

    public func recordHeadsUps(_ tickets: [TicketNumber], on date: BusinessDate, at: Date) async throws {
        contents.withLock { c in
            for ticket in tickets where c.printed[key(date, ticket)]?.headsUpDueAt == nil {
                c.printed[key(date, ticket)]?.headsUpDueAt = Date(millisecondsSince1970: at.millisecondsSince1970)
            }
        }
    }

    @discardableResult
    public func enqueue(_ drafts: [OutboxDraft]) async throws -> Int {
        let added = contents.withLock { Self.insert(drafts, into: &$0) }
        if added > 0 { bell.ring() }
        return added
    }

    public func outboxTickets(date: BusinessDate, trigger: SMSTrigger) async throws -> Set<TicketNumber> {
        contents.withLock { Set($0.outbox.filter { $0.date == date && $0.trigger == trigger }.map(\.ticket)) }
    }

    public func outboxMessages(date: BusinessDate, ticket: TicketNumber) async throws -> [OutboxMessage] {
        contents.withLock { $0.outbox.filter { $0.date == date && $0.ticket == ticket } }
    }

    @discardableResult
    public func purgeOutboxPhones(before date: BusinessDate, now: Date) async throws -> Int {
        contents.withLock { c in
            var changed = 0
            for i in c.outbox.indices where c.outbox[i].date < date {
                if c.outbox[i].state == .pending || c.outbox[i].state == .sending {
                    c.outbox[i].state = .dropped
                    c.outbox[i].reason = "purged"
                    c.outbox[i].updatedAt = now
                }
                if c.outbox[i].phone != nil {
                    c.outbox[i].phone = nil
                    changed += 1
                }
            }
            return changed
        }
    }

    @discardableResult
    public func resumeInterruptedSends(now: Date) async throws -> Int {
        update { $0.state == .pending && $0.reason == "held" } change: { m in m.nextAttemptAt = now }
        return update { $0.state == .sending } change: { m in
            m.state = .pending
            m.nextAttemptAt = now
            m.reason = "interrupted"
            m.updatedAt = now
        }
    }

    public func nextOutboxAttempt() async throws -> Date? {
        contents.withLock { $0.outbox.filter { $0.state == .pending }.map(\.nextAttemptAt).min() }
    }

    public func claimDueMessages(now: Date, limit: Int) async throws -> [OutboxMessage] {
        contents.withLock { c in
            let due = c.outbox.indices.filter { c.outbox[$0].state == .pending && c.outbox[$0].nextAttemptAt <= now }
                .sorted { (c.outbox[$0].nextAttemptAt, c.outbox[$0].id) < (c.outbox[$1].nextAttemptAt, c.outbox[$1].id) }
                .prefix(max(0, limit))
            return due.map { i in
                c.outbox[i].state = .sending
                c.outbox[i].attempts += 1
                c.outbox[i].updatedAt = now
                return c.outbox[i]
            }
        }
    }

    public func record(_ records: [OutboxRecord], claimingUpTo limit: Int, now: Date) async throws -> [OutboxMessage] {
        for record in records {
            switch record.change {
            case let .accepted(status, answer, gatewayID, delivered):
                try await markAccepted(record.id, status: status, answer: answer, gatewayID: gatewayID, delivered: delivered, now: record.at)
            case let .logged(answer):
                try await markLogged(record.id, answer: answer, now: record.at)
            case let .retry(next, status, answer):
                try await markRetry(record.id, next: next, status: status, answer: answer, now: record.at)
            case let .held(next):
                try await markHeld(record.id, next: next, now: record.at)
            case let .final(state, reason, status, answer):
                try await markFinal(record.id, state, reason: reason, status: status, answer: answer, now: record.at)
            }
        }
        return try await claimDueMessages(now: now, limit: limit)
    }

    public func markAccepted(_ id: Int64, status: Int?, answer: String, gatewayID: String?, delivered: Bool, now: Date) async throws {
        update { $0.id == id } change: { m in
            // A delivery report that overtook this answer (kept while `sending`) takes effect now.
            let report = m.dlrType ?? 0
            if m.state == .sending {
                if report & 1 != 0 {
                    m.state = .delivered
                    m.reason = nil
                } else if report & 18 != 0 {
                    m.state = .failed
                    m.reason = "dlr_failed"
                } else {
                    m.state = delivered ? .delivered : .accepted
                    m.reason = nil
                }
            } else {
                m.reason = nil
            }
            m.gatewayStatus = status
            m.gatewayAnswer = PhoneMasking.mask(answer)
            m.gatewayID = gatewayID ?? m.gatewayID
            m.updatedAt = now
        }
    }

    public func markLogged(_ id: Int64, answer: String, now: Date) async throws {
        update { $0.id == id && $0.state == .sending } change: { m in
            m.state = .logged
            m.reason = nil
            m.gatewayAnswer = PhoneMasking.mask(answer)
            m.updatedAt = now
        }
    }

    /// No config is ever recorded here.
    public func config(inForceOn date: BusinessDate) async throws -> SQLiteJournal.ConfigRecord? { nil }

    public func markHeld(_ id: Int64, next: Date, now: Date) async throws {
        update { $0.id == id && $0.state == .sending } change: { m in
            m.state = .pending
            m.attempts = max(0, m.attempts - 1)
            m.nextAttemptAt = next
            m.reason = "held"
            m.updatedAt = now
        }
    }

    public func configTimeline(versions: [Int64]) async throws -> ConfigTimeline {
        let configs = contents.withLock { $0.configs }
        let first = versions.min() ?? 0
        let before = configs.keys.filter { $0 < first }.max().flatMap { configs[$0] }
        return ConfigTimeline(initial: before, versions: configs.filter { versions.contains($0.key) })
    }

    public func lastConfigVersion() async throws -> Int64 {
        contents.withLock { $0.configs.keys.max() ?? 0 }
    }

    public func markRetry(_ id: Int64, next: Date, status: Int?, answer: String, now: Date) async throws {
        update { $0.id == id && $0.state == .sending } change: { m in
            m.state = .pending
            m.nextAttemptAt = next
            m.reason = "retry"
            m.dlrType = nil
            m.gatewayStatus = status
            m.gatewayAnswer = PhoneMasking.mask(answer)
            m.updatedAt = now
        }
    }

    public func markFinal(_ id: Int64, _ state: OutboxState, reason: String, status: Int?, answer: String?, now: Date) async throws {
        update { $0.id == id && ($0.state == .pending || $0.state == .sending) } change: { m in
            m.state = state
            m.reason = reason
            m.gatewayStatus = status ?? m.gatewayStatus
            m.gatewayAnswer = answer.map(PhoneMasking.mask) ?? m.gatewayAnswer
            m.updatedAt = now
        }
    }

    public func applyDeliveryReport(id: Int64, type: Int, delivered: Bool?, now: Date) async throws -> DeliveryReportOutcome {
        contents.withLock { c in
            guard let i = c.outbox.firstIndex(where: { $0.id == id }) else { return .unknownMessage }
            let state = c.outbox[i].state
            if state.isFinal { return .unchanged(state) }
            switch state {
            case .pending:
                return .notAccepted(state)
            case .sending:
                // Kept for `markAccepted`: the most final report seen.
                if let kept = c.outbox[i].dlrType, kept & 19 != 0 {} else { c.outbox[i].dlrType = type }
                c.outbox[i].updatedAt = now
                return .applied(state)
            default:
                break
            }
            let next: OutboxState = switch delivered {
            case true?: .delivered
            case false?: .failed
            case nil: state
            }
            c.outbox[i].state = next
            c.outbox[i].dlrType = type
            c.outbox[i].reason = delivered == false ? "dlr_failed" : nil
            c.outbox[i].updatedAt = now
            return .applied(next)
        }
    }

    public func followUpBook(holidays: [BusinessDate]) async throws -> FollowUpBook {
        var book = FollowUpBook(holidays: holidays)
        for item in contents.withLock({ $0.events }) { book.fold(item.event, on: item.date) }
        return book
    }

    public func smsOutcomes(from: BusinessDate, to: BusinessDate) async throws -> [String: [String: Int]] {
        contents.withLock { c in
            var out: [String: [String: Int]] = [:]
            for m in c.outbox where m.date >= from && m.date <= to { out[m.trigger.rawValue, default: [:]][m.state.rawValue, default: 0] += 1 }
            return out
        }
    }

    /// The same fold as `JournalReport`, over the events in memory.
    public func report(from: BusinessDate, to: BusinessDate, today: BusinessDate, config: HallConfig) async throws -> HallReport {
        try JournalReport.checkPeriod(from: from, to: to)
        var builder = ReportBuilder(config: config)
        var current: BusinessDate?
        for item in contents.withLock({ $0.events }) where item.date >= from && item.date <= to {
            if item.date != current {
                current = item.date
                builder.beginDay(item.date, printed: try await printedEstimates(on: item.date))
            }
            builder.fold(item.event)
        }
        return builder.report(
            from: from, to: to, sms: try await smsOutcomes(from: from, to: to),
            followUps: try await followUpBook(holidays: config.holidays), today: today
        )
    }

    public func outboxWakeups() -> AsyncStream<Void> {
        bell.subscribe()
    }

    @discardableResult
    private func update(_ matches: (OutboxMessage) -> Bool, change: (inout OutboxMessage) -> Void) -> Int {
        contents.withLock { c in
            var changed = 0
            for i in c.outbox.indices where matches(c.outbox[i]) {
                change(&c.outbox[i])
                changed += 1
            }
            return changed
        }
    }
}
