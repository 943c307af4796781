import Foundation
import KioskCore
import KioskSMS
import KioskStore
import KioskTestSupport
import Synchronization
import Testing

/// The batched worker's bounds: never more than `concurrency` requests at the gateway and never
/// more than the window (2 × `concurrency`) messages `sending` in the outbox (the most a crash
/// can resend), while a burst still goes out whole, each message once, in far fewer write
/// transactions than messages.
@Suite("Outbox window", .timeLimit(.minutes(1)))
struct OutboxWindowTests {
    @Test func aBurstStaysWithinTheWindowAndIsWrittenInBatches() async throws {
        let j = try SQLiteJournal(path: SMSFixture.tempPath(), calendar: SMSFixture.calendar)
        let drafts = (0..<200).map { i in SMSFixture.draft(String(format: "B%03d", i), phone: "1380013\(String(format: "%04d", i))") }
        try await j.enqueue(drafts)
        let concurrency = 4
        let gateway = WatchingGateway(journal: j)
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway, options: SMSFixture.fastOptions(concurrency: concurrency)) { _, _ in
            .called(counter: "1", calls: 1, lastCallAt: Date())
        }
        try await withWorker(worker) {
            try await eventually("all 200 accepted", within: 30) { try j.outboxCounts() == [.accepted: 200] }
        }
        let seen = gateway.seen
        print("OUTBOX WINDOW: 200 messages, at most \(seen.requests) requests at once and \(seen.sending) rows sending; \(j.outboxWrites) write transactions")
        #expect(seen.requests <= concurrency)
        #expect(seen.requests > 1)   // the requests do overlap
        #expect(seen.sending <= 2 * concurrency)
        #expect(seen.sent == 200)
        #expect(Set(seen.tickets).count == 200)
        // Each answer is written with others and with the next claim; the worker before this
        // one wrote twice per message (400 here).
        #expect(j.outboxWrites < 200)
        #expect(worker.tally["accepted"] == 200)
    }
}

/// Accepts every message after a short pause, noting how many requests overlap and how many
/// rows the outbox holds `sending` while each is at the gateway.
final class WatchingGateway: SMSGateway {
    struct Seen {
        var requests = 0, sending = 0, sent = 0
        var tickets: [TicketNumber] = []
    }

    private let journal: SQLiteJournal
    private let state = Mutex((now: 0, seen: Seen()))

    init(journal: SQLiteJournal) { self.journal = journal }

    var seen: Seen { state.withLock { $0.seen } }

    func send(_ message: OutboxMessage) async -> SMSSendOutcome {
        state.withLock { s in
            s.now += 1
            s.seen.requests = max(s.seen.requests, s.now)
        }
        let sending = (try? journal.outboxCounts()[.sending]) ?? 0
        try? await Task.sleep(for: .milliseconds(2))
        state.withLock { s in
            s.now -= 1
            s.seen.sending = max(s.seen.sending, sending)
            s.seen.sent += 1
            s.seen.tickets.append(message.ticket)
        }
        return .accepted(status: 202, answer: "0: Accepted for delivery", gatewayID: nil, delivered: false)
    }
}
