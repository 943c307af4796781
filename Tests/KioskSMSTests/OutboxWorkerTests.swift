import Foundation
import KioskCore
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

@Suite("Outbox and worker")
struct OutboxWorkerTests {
    func journal(_ path: String) throws -> SQLiteJournal {
        try SQLiteJournal(path: path, calendar: SMSFixture.calendar)
    }

    @Test func staleMessagesAreDroppedNeverSent() async throws {
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([
            SMSFixture.draft("A001", .nearTurn),   // already called: stale
            SMSFixture.draft("A002", .yourTurn),   // already served: stale
            SMSFixture.draft("A003", .yourTurn),   // called: goes out
            SMSFixture.draft("A004", .yourTurn, lifetime: -1),  // past its deadline
        ])
        let states: [TicketNumber: TicketState] = [
            "A001": .called(counter: "1", calls: 1, lastCallAt: Date()),
            "A002": .done(at: Date()),
            "A003": .called(counter: "1", calls: 1, lastCallAt: Date()),
            "A004": .called(counter: "1", calls: 1, lastCallAt: Date()),
        ]
        let gateway = ScriptedGateway()
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway, options: SMSFixture.fastOptions()) { _, t in states[t] }
        try await withWorker(worker) {
            try await eventually("every message ends") { try j.outboxMessages().allSatisfy { $0.state != .pending && $0.state != .sending } }
        }
        #expect(gateway.sent.map(\.ticket) == ["A003"])
        let byTicket = Dictionary(uniqueKeysWithValues: try j.outboxMessages().map { ($0.ticket, $0) })
        #expect(byTicket["A001"]?.state == .dropped && byTicket["A001"]?.reason == "stale")
        #expect(byTicket["A002"]?.state == .dropped && byTicket["A002"]?.reason == "stale")
        #expect(byTicket["A003"]?.state == .accepted)
        #expect(byTicket["A004"]?.state == .dropped && byTicket["A004"]?.reason == "expired")
        #expect(worker.tally["dropped_stale"] == 2)
    }

    /// Issue 21, item 5: an appointment reminder is judged by its booking, not by a ticket:
    /// sent while booked, dropped as stale once cancelled, checked in or gone from the book.
    @Test func anAppointmentReminderGoesOutOnlyWhileBooked() async throws {
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([
            SMSFixture.draft("100001", .appointmentSoon, text: "【连城人社】您预约的失业登记将于10:30开始"),
            SMSFixture.draft("100002", .appointmentSoon, text: "【连城人社】您预约的失业登记将于10:30开始"),
            SMSFixture.draft("100003", .appointmentTomorrow, text: "【连城人社】您预约了3月3日09:30"),
            SMSFixture.draft("100004", .appointmentTomorrow, text: "【连城人社】您预约了3月3日09:30"),
        ])
        let bookings: [String: Appointment.State] = ["100001": .booked, "100002": .cancelled, "100003": .checkedIn(ticket: "C001")]
        let gateway = ScriptedGateway()
        let worker = OutboxWorker(
            journal: LiveJournal(j), gateway: gateway, options: SMSFixture.fastOptions(),
            appointmentState: { _, code in bookings[code] }
        ) { _, _ in
            Issue.record("a reminder asked for a ticket's state")
            return nil
        }
        try await withWorker(worker) {
            try await eventually("every message ends") { try j.outboxMessages().allSatisfy { $0.state != .pending && $0.state != .sending } }
        }
        #expect(gateway.sent.map(\.ticket) == ["100001"])
        let stale = try j.outboxMessages().filter { $0.reason == "stale" }.map(\.ticket).sorted()
        #expect(stale == ["100002", "100003", "100004"])
    }

    /// Issue 12, item 4: the hall moved to another day on a date it does not trust yet (a PC
    /// clock a day ahead at boot). The previous day's pending message is neither expired nor
    /// stale on that clock's word: it is held, its attempt not counted; when the clock is right
    /// again (a restart on the real day) it is due at once and goes out.
    @Test func aPreviousDaysMessageIsHeldNotDroppedWhileTheNewDateIsNotTrusted() async throws {
        let j = try journal(SMSFixture.tempPath())
        let created = Date()
        try await j.enqueue([SMSFixture.draft("A001", .issued, now: created, lifetime: 1200)])
        var aDayAhead = SMSFixture.fastOptions(concurrency: 1)
        // Clocks that run (the journal keeps milliseconds: a clock standing still could sit a
        // rounding short of a time it stored).
        aDayAhead.clock = { Date().addingTimeInterval(86_400) }
        let gateway = ScriptedGateway()
        let held = OutboxWorker(journal: LiveJournal(j), gateway: gateway, options: aDayAhead, held: { $0 == SMSFixture.date }) { _, _ in nil }
        try await withWorker(held) {
            try await eventually("held") { try j.outboxMessages().first?.reason == "held" }
        }
        let message = try #require(try j.outboxMessages().first)
        #expect(message.state == .pending && message.attempts == 0)
        #expect(message.nextAttemptAt > created.addingTimeInterval(86_400), "looked at again later, not in a loop")
        #expect(gateway.sent.isEmpty)
        #expect(held.tally["held"] >= 1 && held.tally["dropped_stale"] == 0 && held.tally["dropped_expired"] == 0)

        // Restarted on the right clock, five minutes after the ticket: due at once (the hold
        // was counted on the wrong clock), and the ticket still waits: it goes out.
        var rightClock = SMSFixture.fastOptions(concurrency: 1)
        rightClock.clock = { Date().addingTimeInterval(300) }
        let back = OutboxWorker(journal: LiveJournal(j), gateway: gateway, options: rightClock) { _, _ in .waiting }
        try await withWorker(back) {
            try await eventually("sent") { try j.outboxMessages().first?.state == .accepted }
        }
        #expect(gateway.sent.map(\.ticket) == ["A001"])
        #expect(try j.outboxMessages().first?.attempts == 1)
    }

    @Test func transientFailuresAreRetriedPermanentOnesFail() async throws {
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([SMSFixture.draft("A001"), SMSFixture.draft("A002", phone: "13900139000")])
        // A001: 503, refused, then accepted. A002 refused by the gateway for good.
        let gateway = ScriptedGateway([
            .transient(status: 503, answer: "Temporal failure", retryAfter: nil),
            .permanent(status: 403, answer: "Not routable"),
            .transient(status: nil, answer: "connection refused", retryAfter: nil),
        ])
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway, options: SMSFixture.fastOptions(concurrency: 1)) { _, _ in
            .called(counter: "1", calls: 1, lastCallAt: Date())
        }
        try await withWorker(worker) {
            try await eventually("both end") { try j.outboxMessages().allSatisfy { $0.state.isFinal || $0.state == .accepted } }
        }
        let messages = try j.outboxMessages()
        #expect(messages[0].state == .accepted && messages[0].attempts == 3)
        #expect(messages[1].state == .failed && messages[1].reason == "permanent" && messages[1].gatewayStatus == 403)
        #expect(worker.tally["retried"] == 2)
    }

    @Test func gaveUpAfterMaxAttempts() async throws {
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([SMSFixture.draft("A001")])
        let gateway = ScriptedGateway(Array(repeating: .transient(status: 500, answer: "Sending failed.", retryAfter: nil), count: 10))
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway, options: SMSFixture.fastOptions(concurrency: 1, maxAttempts: 3)) { _, _ in
            .called(counter: "1", calls: 1, lastCallAt: Date())
        }
        try await withWorker(worker) {
            try await eventually("failed") { try j.outboxMessages().first?.state == .failed }
        }
        #expect(gateway.sent.count == 3)
        #expect(try j.outboxMessages().first?.reason == "gave_up")
    }

    @Test func restartNeitherDuplicatesNorLosesMessages() async throws {
        let path = SMSFixture.tempPath()
        do {
            let j = try journal(path)
            #expect(try await j.enqueue([SMSFixture.draft("A001"), SMSFixture.draft("A001", recipient: .caretaker, phone: "13900139000")]) == 2)
            _ = try await j.claimDueMessages(now: Date(), limit: 1)  // a crash mid-send leaves it `sending`
        }
        // Reopen: the same drafts again (a heads-up pass after restart) add nothing.
        let j = try journal(path)
        #expect(try await j.enqueue([SMSFixture.draft("A001"), SMSFixture.draft("A001", recipient: .caretaker, phone: "13900139000")]) == 0)
        #expect(try j.outboxCounts() == [.pending: 1, .sending: 1])
        let gateway = ScriptedGateway()
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway, options: SMSFixture.fastOptions()) { _, _ in
            .called(counter: "1", calls: 1, lastCallAt: Date())
        }
        try await withWorker(worker) {
            try await eventually("both accepted") { try j.outboxCounts() == [.accepted: 2] }
        }
        #expect(gateway.sent.count == 2)
        #expect(try j.outboxMessages().first { $0.recipient == .citizen }?.attempts == 2)
    }

    @Test func deliveryReportsAreIdempotentAndNeverDowngrade() async throws {
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([SMSFixture.draft("A001")])
        let id = try #require(try j.outboxMessages().first?.id)
        _ = try await j.claimDueMessages(now: Date(), limit: 1)
        // The DLR can overtake the HTTP answer: it is held while the message is in flight and
        // takes effect when the gateway's "accepted" arrives.
        #expect(try j.applyDeliveryReport(id: id, type: 8, delivered: nil, now: Date()) == .applied(.sending))
        #expect(try j.applyDeliveryReport(id: id, type: 1, delivered: true, now: Date()) == .applied(.sending))
        #expect(try j.applyDeliveryReport(id: id, type: 8, delivered: nil, now: Date()) == .applied(.sending))
        #expect(try j.outboxMessage(id: id)?.state == .sending)
        try await j.markAccepted(id, status: 202, answer: "0: Accepted for delivery", gatewayID: nil, now: Date())
        #expect(try j.outboxMessage(id: id)?.state == .delivered)
        #expect(try j.applyDeliveryReport(id: id, type: 1, delivered: true, now: Date()) == .unchanged(.delivered))
        #expect(try j.applyDeliveryReport(id: id, type: 2, delivered: false, now: Date()) == .unchanged(.delivered))
        #expect(try j.outboxMessage(id: id)?.state == .delivered)
        #expect(try j.applyDeliveryReport(id: id, type: 1, delivered: true, now: Date()) == .unchanged(.delivered))
        #expect(try j.applyDeliveryReport(id: 999, type: 1, delivered: true, now: Date()) == .unknownMessage)
    }

    @Test func aMessageTheGatewayHasNotTakenCannotBeDelivered() async throws {
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([SMSFixture.draft("A001"), SMSFixture.draft("A002")])
        let ids = try j.outboxMessages().map(\.id)
        // Never sent.
        #expect(try j.applyDeliveryReport(id: ids[0], type: 1, delivered: true, now: Date()) == .notAccepted(.pending))
        #expect(try j.outboxMessage(id: ids[0])?.state == .pending)
        // Sent, a report overtakes the answer, and the answer is a 503: the report is forgotten.
        _ = try await j.claimDueMessages(now: Date(), limit: 2)
        #expect(try j.applyDeliveryReport(id: ids[1], type: 1, delivered: true, now: Date()) == .applied(.sending))
        try await j.markRetry(ids[1], next: Date(), status: 503, answer: "Temporal failure", now: Date())
        #expect(try j.outboxMessage(id: ids[1])?.state == .pending)
        #expect(try j.outboxMessage(id: ids[1])?.dlrType == nil)
        #expect(try j.applyDeliveryReport(id: ids[1], type: 1, delivered: true, now: Date()) == .notAccepted(.pending))
        // An accepted message whose report says failed ends failed.
        try await j.markAccepted(ids[0], status: 202, answer: "0: Accepted for delivery", gatewayID: nil, now: Date())
        #expect(try j.outboxMessage(id: ids[0])?.state == .accepted)
        #expect(try j.applyDeliveryReport(id: ids[0], type: 8, delivered: nil, now: Date()) == .applied(.accepted))
        #expect(try j.applyDeliveryReport(id: ids[0], type: 2, delivered: false, now: Date()) == .applied(.failed))
        #expect(try j.outboxMessage(id: ids[0])?.reason == "dlr_failed")
    }

    @Test func purgeForgetsNumbersAfterTheDay() async throws {
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([SMSFixture.draft("A001"), SMSFixture.draft("A002")])
        _ = try await j.claimDueMessages(now: Date(), limit: 1)
        let next = BusinessDate(year: 2026, month: 3, day: 3)
        #expect(try j.purgeOutboxPhones(before: next, now: Date()) == 2)
        let messages = try j.outboxMessages()
        #expect(messages.allSatisfy { $0.phone == nil && $0.phoneMasked == "138****8000" })
        #expect(messages.allSatisfy { $0.state == .dropped && $0.reason == "purged" })
    }

    @Test func logGatewayWritesMaskedLines() async throws {
        let path = SMSFixture.tempPath("sms-outbox.log")
        let j = try journal(SMSFixture.tempPath())
        try await j.enqueue([SMSFixture.draft("A007")])
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: LogGateway(path: path, logger: .init(label: "test")), options: SMSFixture.fastOptions()) { _, _ in
            .called(counter: "1", calls: 1, lastCallAt: Date())
        }
        try await withWorker(worker) {
            // Written down, not delivered: nobody received it (a clerk's screen said 已送达).
            try await eventually("logged") { try j.outboxMessages().first?.state == .logged }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("A007 your_turn → 138****8000: 【连城人社】请A007号到1号窗口办理。"))
        #expect(!text.contains("13800138000"))
    }
}
