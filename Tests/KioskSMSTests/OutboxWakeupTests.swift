import Foundation
import KioskCore
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// The SMS worker is woken by the commit that wrote a message: with the fallback poll set to
/// an hour, a message is still sent at once.
@Suite("Outbox wake-up", .timeLimit(.minutes(1)))
struct OutboxWakeupTests {
    static func hourlyPoll() -> OutboxWorker.Options {
        var options = SMSFixture.fastOptions(concurrency: 1)
        options.pollInterval = .seconds(3600)
        return options
    }

    static let called: @Sendable (BusinessDate, TicketNumber) async -> TicketState? = { _, _ in
        .called(counter: "1", calls: 1, lastCallAt: Date())
    }

    /// Sends two messages one after the other: the second is written while the worker idles
    /// (the first is out), so only a wake-up can get it out before the hour's poll.
    static func expectBothSentPromptly(through journal: any Journal, write: @Sendable (OutboxDraft) async throws -> Void) async throws {
        let gateway = ScriptedGateway()
        let worker = OutboxWorker(journal: journal, gateway: gateway, options: hourlyPoll(), ticketState: called)
        try await withWorker(worker) {
            try await write(SMSFixture.draft("A001"))
            try await eventually("the first message is sent", within: 10) { gateway.sent.count == 1 }
            try await write(SMSFixture.draft("A002"))
            try await eventually("the second message is sent without waiting for the poll", within: 10) { gateway.sent.count == 2 }
        }
        #expect(gateway.sent.map(\.ticket) == ["A001", "A002"])
    }

    @Test func aHeadsUpWrittenToTheFakeJournalWakesTheWorker() async throws {
        let journal = FakeJournal(calendar: SMSFixture.calendar)
        try await Self.expectBothSentPromptly(through: journal) { try await journal.enqueue([$0]) }
        #expect(journal.allOutboxMessages.map(\.state) == [.accepted, .accepted])
    }

    @Test func aGroupCommitWithAMessageWakesTheWorkerOnTheSQLiteJournal() async throws {
        let journal = try await LiveJournal.open(path: SMSFixture.tempPath(), calendar: SMSFixture.calendar)
        let issuedAt = SMSFixture.calendar.instant(on: SMSFixture.date, at: ClockTime(hour: 9, minute: 0))
        try await Self.expectBothSentPromptly(through: journal) { draft in
            let event = HallEvent(at: issuedAt, .issued(ticket: draft.ticket, service: "A", priority: false, contact: true, audit: nil))
            _ = try await journal.commit(JournalBatch(events: [event], outbox: [draft]))
        }
        #expect(try journal.store.outboxMessages().map(\.state) == [.accepted, .accepted])
    }
}
