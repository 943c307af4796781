import Foundation
import GRDB
import KioskCore

/// The outbox's reads and writes on the journal's database.
extension SQLiteJournal {
    /// Records drafts, keeping the first of each `(date, ticket, trigger, recipient, window)`.
    /// Returns how many were new.
    @discardableResult
    static func insertOutbox(_ drafts: [OutboxDraft], in db: Database) throws -> Int {
        var inserted = 0
        for draft in drafts {
            let created = draft.createdAt.millisecondsSince1970
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO sms_outbox
                        (business_date, ticket, trigger, recipient, counter, phone, phone_masked, text, created_ms, next_attempt_ms, deadline_ms, updated_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    draft.date.description, draft.ticket, draft.trigger.rawValue, draft.recipient.rawValue, draft.counter ?? "",
                    draft.phone.digits, draft.phone.masked, draft.text, created, created,
                    draft.deadline.millisecondsSince1970, created,
                ]
            )
            inserted += db.changesCount
        }
        return inserted
    }

    /// Records drafts not tied to an event (heads-up messages); idempotent. Returns how many
    /// were new.
    @discardableResult
    public func enqueue(_ drafts: [OutboxDraft]) async throws -> Int {
        guard !drafts.isEmpty else { return 0 }
        let inserted = try await pool.write { db in try Self.insertOutbox(drafts, in: db) }
        if inserted > 0 { outboxBell.ring() }
        return inserted
    }

    /// Whether a message for this ticket, trigger and recipient exists already.
    public func outboxHas(date: BusinessDate, ticket: TicketNumber, trigger: SMSTrigger) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM sms_outbox WHERE business_date = ? AND ticket = ? AND trigger = ?)",
                arguments: [date.description, ticket, trigger.rawValue]
            ) ?? false
        }
    }

    /// Tickets of `date` that already have a message of `trigger`.
    public func outboxTickets(date: BusinessDate, trigger: SMSTrigger) throws -> Set<TicketNumber> {
        try pool.read { db in
            Set(try String.fetchAll(
                db, sql: "SELECT DISTINCT ticket FROM sms_outbox WHERE business_date = ? AND trigger = ?",
                arguments: [date.description, trigger.rawValue]
            ))
        }
    }

    /// Messages a crash left in `sending` go back to `pending`, due at once. Their request may
    /// have reached the gateway: resending them is the at-least-once end of the trade-off.
    /// Messages held back (`markHeld`) are due at once too: their hold was counted on the last
    /// run's clock, which may have been a wrong one. Returns how many were interrupted.
    @discardableResult
    public func resumeInterruptedSends(now: Date) throws -> Int {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE sms_outbox SET next_attempt_ms = ? WHERE state = 'pending' AND reason = 'held'",
                arguments: [now.millisecondsSince1970]
            )
            try db.execute(
                sql: "UPDATE sms_outbox SET state = 'pending', next_attempt_ms = ?, updated_ms = ?, reason = 'interrupted' WHERE state = 'sending'",
                arguments: [now.millisecondsSince1970, now.millisecondsSince1970]
            )
            return db.changesCount
        }
    }

    /// A claimed message goes back to `pending`, due at `next`, without counting the claim as
    /// an attempt: it was not sent, only held back (its business day is not the hall's, and
    /// the hall does not yet trust the date that moved on).
    public func markHeld(_ id: Int64, next: Date, now: Date) async throws {
        try await record([OutboxRecord(id: id, .held(next: next), at: now)], now: now)
    }

    /// Claims up to `limit` pending messages due at `now` (oldest due first): each moves to
    /// `sending` with one more attempt, in one transaction, so no two workers take the same.
    public func claimDueMessages(now: Date, limit: Int) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        outboxWriteCounter.add(1, ordering: .relaxed)
        return try await pool.write { db in try Self.claimDue(now: now, limit: limit, in: db) }
    }

    /// Writes the answers of finished attempts and claims up to `limit` more due messages, in one
    /// transaction (one fsync for the whole batch). The claimed ones come back `sending`.
    @discardableResult
    public func record(_ records: [OutboxRecord], claimingUpTo limit: Int = 0, now: Date) async throws -> [OutboxMessage] {
        guard !records.isEmpty || limit > 0 else { return [] }
        outboxWriteCounter.add(1, ordering: .relaxed)
        return try await pool.write { db in
            for record in records { try Self.apply(record, in: db) }
            return limit > 0 ? try Self.claimDue(now: now, limit: limit, in: db) : []
        }
    }

    /// The one claim: the oldest due pending messages move to `sending` with one more attempt.
    static func claimDue(now: Date, limit: Int, in db: Database) throws -> [OutboxMessage] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM sms_outbox WHERE state = 'pending' AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?"),
            arguments: [now.millisecondsSince1970, limit]
        )
        var claimed: [OutboxMessage] = []
        for row in rows {
            var message = try Self.message(row)
            try db.cachedStatement(sql: "UPDATE sms_outbox SET state = 'sending', attempts = attempts + 1, updated_ms = ? WHERE id = ?")
                .execute(arguments: [now.millisecondsSince1970, message.id])
            message.state = .sending
            message.attempts += 1
            claimed.append(message)
        }
        return claimed
    }

    /// The earliest time a pending message is due, if any.
    public func nextOutboxAttempt() throws -> Date? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(next_attempt_ms) FROM sms_outbox WHERE state = 'pending'")
                .map(Date.init(millisecondsSince1970:))
        }
    }

    /// The gateway took the message. A delivery report that overtook this answer (kept as
    /// `dlr_type` while the message was `sending`) takes effect now.
    public func markAccepted(_ id: Int64, status: Int?, answer: String, gatewayID: String?, delivered: Bool = false, now: Date) async throws {
        try await record([OutboxRecord(id: id, .accepted(status: status, answer: answer, gatewayID: gatewayID, delivered: delivered), at: now)], now: now)
    }

    /// The log outbox wrote the message down (nobody received it): final, never `delivered`.
    public func markLogged(_ id: Int64, answer: String, now: Date) async throws {
        try await record([OutboxRecord(id: id, .logged(answer: answer), at: now)], now: now)
    }

    /// A transient failure: back to pending, due at `next`.
    public func markRetry(_ id: Int64, next: Date, status: Int?, answer: String, now: Date) async throws {
        try await record([OutboxRecord(id: id, .retry(next: next, status: status, answer: answer), at: now)], now: now)
    }

    /// Ends a message without (further) sending: `failed` (permanent answer, gave up) or
    /// `dropped` (stale, expired).
    public func markFinal(_ id: Int64, _ state: OutboxState, reason: String, status: Int? = nil, answer: String? = nil, now: Date) async throws {
        precondition(state == .failed || state == .dropped)
        try await record([OutboxRecord(id: id, .final(state, reason: reason, status: status, answer: answer), at: now)], now: now)
    }

    /// One attempt's answer on its row.
    static func apply(_ record: OutboxRecord, in db: Database) throws {
        let id = record.id, now = record.at.millisecondsSince1970
        switch record.change {
        case let .accepted(status, answer, gatewayID, delivered):
            try db.cachedStatement(
                sql: """
                    UPDATE sms_outbox SET
                        state = CASE WHEN state <> 'sending' THEN state
                                     WHEN dlr_type IS NOT NULL AND (dlr_type & 1) <> 0 THEN 'delivered'
                                     WHEN dlr_type IS NOT NULL AND (dlr_type & 18) <> 0 THEN 'failed'
                                     ELSE ? END,
                        reason = CASE WHEN state = 'sending' AND dlr_type IS NOT NULL AND (dlr_type & 1) = 0 AND (dlr_type & 18) <> 0
                                      THEN 'dlr_failed' ELSE NULL END,
                        gateway_status = ?, gateway_answer = ?, gateway_id = COALESCE(?, gateway_id), updated_ms = ?
                    WHERE id = ?
                    """
            ).execute(arguments: [delivered ? "delivered" : "accepted", status, PhoneMasking.mask(answer), gatewayID, now, id])
        case let .logged(answer):
            try db.cachedStatement(
                sql: "UPDATE sms_outbox SET state = 'logged', reason = NULL, gateway_answer = ?, updated_ms = ? WHERE id = ? AND state = 'sending'"
            ).execute(arguments: [PhoneMasking.mask(answer), now, id])
        case let .retry(next, status, answer):
            // A report that arrived during this attempt is forgotten: the gateway says it did
            // not take the message, so no report can be about what it will deliver.
            try db.cachedStatement(
                sql: "UPDATE sms_outbox SET state = 'pending', next_attempt_ms = ?, reason = 'retry', gateway_status = ?, gateway_answer = ?, dlr_type = NULL, updated_ms = ? WHERE id = ? AND state = 'sending'"
            ).execute(arguments: [next.millisecondsSince1970, status, PhoneMasking.mask(answer), now, id])
        case let .held(next):
            try db.cachedStatement(
                sql: "UPDATE sms_outbox SET state = 'pending', attempts = MAX(0, attempts - 1), next_attempt_ms = ?, reason = 'held', updated_ms = ? WHERE id = ? AND state = 'sending'"
            ).execute(arguments: [next.millisecondsSince1970, now, id])
        case let .final(state, reason, status, answer):
            precondition(state == .failed || state == .dropped)
            try db.cachedStatement(
                sql: """
                    UPDATE sms_outbox SET state = ?, reason = ?, gateway_status = COALESCE(?, gateway_status),
                        gateway_answer = COALESCE(?, gateway_answer), updated_ms = ?
                    WHERE id = ? AND state IN ('pending', 'sending')
                    """
            ).execute(arguments: [state.rawValue, reason, status, answer.map(PhoneMasking.mask), now, id])
        }
    }

    /// Applies a gateway's delivery report. `delivered` true/false ends an `accepted` message;
    /// nil (an intermediate report such as Kannel's SMSC ack) only records the type. Idempotent:
    /// a final message stays as it is.
    ///
    /// Only a message the gateway has taken can be delivered: a report for a `pending` message
    /// (never sent, or the gateway refused the last attempt) changes nothing (`notAccepted`). A
    /// report for a message still `sending` (the report overtook the gateway's answer) is kept
    /// in `dlr_type` and takes effect when the answer says "accepted" (`markAccepted`).
    public func applyDeliveryReport(id: Int64, type: Int, delivered: Bool?, now: Date) throws -> DeliveryReportOutcome {
        try pool.write { db in
            guard let raw = try String.fetchOne(db, sql: "SELECT state FROM sms_outbox WHERE id = ?", arguments: [id]),
                  let state = OutboxState(rawValue: raw)
            else { return .unknownMessage }
            if state.isFinal { return .unchanged(state) }
            switch state {
            case .pending:
                return .notAccepted(state)
            case .sending:
                // Keep the most final report seen (an SMSC ack after "delivered" adds nothing).
                try db.execute(
                    sql: "UPDATE sms_outbox SET dlr_type = CASE WHEN dlr_type IS NOT NULL AND (dlr_type & 19) <> 0 THEN dlr_type ELSE ? END, updated_ms = ? WHERE id = ?",
                    arguments: [type, now.millisecondsSince1970, id]
                )
                return .applied(state)
            default:
                break
            }
            let next: OutboxState
            switch delivered {
            case true?: next = .delivered
            case false?: next = .failed
            case nil: next = state
            }
            try db.execute(
                sql: "UPDATE sms_outbox SET state = ?, dlr_type = ?, reason = ?, updated_ms = ? WHERE id = ?",
                arguments: [next.rawValue, type, delivered == false ? "dlr_failed" : nil, now.millisecondsSince1970, id]
            )
            return .applied(next)
        }
    }

    public func outboxMessage(id: Int64) throws -> OutboxMessage? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sms_outbox WHERE id = ?", arguments: [id]).map(Self.message)
        }
    }

    /// A ticket's messages, oldest first.
    public func outboxMessages(date: BusinessDate, ticket: TicketNumber) throws -> [OutboxMessage] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM sms_outbox WHERE business_date = ? AND ticket = ? ORDER BY id",
                arguments: [date.description, ticket]
            ).map(Self.message)
        }
    }

    /// Every message, oldest first (tests, exports: phones are masked there by the caller).
    public func outboxMessages() throws -> [OutboxMessage] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox ORDER BY id").map(Self.message) }
    }

    /// How many messages are in each state.
    public func outboxCounts() throws -> [OutboxState: Int] {
        try pool.read { db in
            var counts: [OutboxState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM sms_outbox GROUP BY state") {
                if let state = OutboxState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    /// Today's contacts (the hall keeps them in memory to address call messages).
    public func contacts(on date: BusinessDate) throws -> [TicketContact] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT ticket, phone, caretaker_phone FROM ticket_contact WHERE business_date = ?",
                arguments: [date.description]
            ).map { row in
                let phone: String? = row["phone"]
                let caretaker: String? = row["caretaker_phone"]
                return TicketContact(ticket: row["ticket"], phone: phone.flatMap(PhoneNumber.init), caretaker: caretaker.flatMap(PhoneNumber.init))
            }
        }
    }

    /// Forgets the full numbers of messages of every business date before `date`; messages
    /// still waiting for them are dropped (`purged`). Returns how many rows lost a number.
    @discardableResult
    public func purgeOutboxPhones(before date: BusinessDate, now: Date) throws -> Int {
        try pool.writeWithoutTransaction { db in
            var purged = 0
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: "UPDATE sms_outbox SET state = 'dropped', reason = 'purged', updated_ms = ? WHERE business_date < ? AND state IN ('pending', 'sending')",
                    arguments: [now.millisecondsSince1970, date.description]
                )
                try db.execute(sql: "UPDATE sms_outbox SET phone = NULL WHERE business_date < ? AND phone IS NOT NULL", arguments: [date.description])
                purged = db.changesCount
                return .commit
            }
            if purged > 0 { try truncateWAL(db) }
            return purged
        }
    }

    static func message(_ row: Row) throws -> OutboxMessage {
        let id: Int64 = row["id"]
        func bad(_ what: String) -> JournalError { .corruptRow(seq: id, reason: "outbox: \(what)") }
        let dateText: String = row["business_date"]
        guard let date = BusinessDate(dateText) else { throw bad("bad business date \(dateText)") }
        guard let trigger = SMSTrigger(rawValue: row["trigger"]) else { throw bad("bad trigger") }
        guard let recipient = SMSRecipient(rawValue: row["recipient"]) else { throw bad("bad recipient") }
        guard let state = OutboxState(rawValue: row["state"]) else { throw bad("bad state") }
        let phone: String? = row["phone"]
        return OutboxMessage(
            id: id, date: date, ticket: row["ticket"], trigger: trigger, recipient: recipient,
            counter: (row["counter"] as String?).flatMap { $0.isEmpty ? nil : $0 },
            phone: phone.flatMap(PhoneNumber.init), phoneMasked: row["phone_masked"], text: row["text"], state: state,
            reason: row["reason"], attempts: row["attempts"],
            createdAt: Date(millisecondsSince1970: row["created_ms"]), nextAttemptAt: Date(millisecondsSince1970: row["next_attempt_ms"]),
            deadline: Date(millisecondsSince1970: row["deadline_ms"]), updatedAt: Date(millisecondsSince1970: row["updated_ms"]),
            gatewayStatus: row["gateway_status"], gatewayAnswer: row["gateway_answer"], gatewayID: row["gateway_id"], dlrType: row["dlr_type"]
        )
    }
}
