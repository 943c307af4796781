import Foundation
import KioskBench
import KioskCore
import KioskHTTPClient
import KioskSMS
import KioskStore
import Synchronization
import KioskTestSupport
import Testing

/// The notifier against a real Kannel (bearerbox + smsbox + fakesmsc) on loopback, with the
/// faults a hall meets: smsbox down, no SMSC, a crash mid-send, a gateway answering 503, a
/// gateway that hangs, and a burst.
@Suite("Real Kannel", .serialized, .enabled(if: KannelHarness.installed, "needs kannel and kannel-extras"))
struct KannelTests {
    static let called: @Sendable (BusinessDate, TicketNumber) async -> TicketState? = { _, _ in
        .called(counter: "1", calls: 1, lastCallAt: Date())
    }

    func gateway(_ kannel: KannelHarness, url: String? = nil, timeout: Double = 5) -> KannelGateway {
        KannelGateway(
            url: url ?? kannel.sendsmsURL, username: kannel.username, password: kannel.password, sender: kannel.sender,
            callback: CallbackAddress(), timeout: timeout, transport: CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 8))
        )
    }

    func drafts(_ n: Int, prefix: String = "A") -> [OutboxDraft] {
        (0..<n).map { i in
            let ticket = prefix + String(format: "%03d", i)
            return SMSFixture.draft(ticket, phone: "1380013\(String(format: "%04d", i))", text: "【连城人社】请\(ticket)号到\(i % 9 + 1)号窗口办理。")
        }
    }

    /// Every draft's text arrived at fakesmsc exactly `times` times, to its number.
    func expectArrived(_ drafts: [OutboxDraft], in kannel: KannelHarness, times: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let got = kannel.messages()
        for draft in drafts {
            let n = got.filter { $0.to == draft.phone.digits && $0.text == draft.text }.count
            #expect(n == times, "\(draft.ticket) arrived \(n) times", sourceLocation: sourceLocation)
        }
    }

    @Test func smsboxDownIsRetriedAndNothingIsLost() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        kannel.stop("smsbox")
        let j = try SQLiteJournal(path: SMSFixture.tempPath(), calendar: SMSFixture.calendar)
        let messages = drafts(5)
        try await j.enqueue(messages)
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway(kannel), options: SMSFixture.fastOptions(), ticketState: Self.called)
        try await withWorker(worker) {
            // Connection refused, again and again, while smsbox is down.
            try await eventually("refused attempts") { worker.tally["retried"] >= 10 }
            #expect(try j.outboxCounts()[.accepted] == nil)
            try await kannel.startSmsbox()
            try await eventually("all accepted after smsbox is back") {
                try await kannel.restartSmsboxIfExited()
                return try j.outboxCounts() == [.accepted: 5]
            }
            try await eventually("all at the SMSC") { kannel.messages().count >= 5 }
        }
        expectArrived(messages, in: kannel)
        #expect(try j.outboxMessages().allSatisfy { $0.attempts > 1 && $0.gatewayAnswer?.hasPrefix("0:") == true })
    }

    @Test func noSMSCMeansKannelQueuesAndQueuedIsSuccess() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        kannel.stop("fakesmsc")
        try await eventually("SMSC seen offline") { await !kannel.status().contains("(online") }
        let j = try SQLiteJournal(path: SMSFixture.tempPath(), calendar: SMSFixture.calendar)
        let messages = drafts(3)
        try await j.enqueue(messages)
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway(kannel), options: SMSFixture.fastOptions(), ticketState: Self.called)
        try await withWorker(worker) {
            try await eventually("accepted as queued") { try j.outboxCounts() == [.accepted: 3] }
        }
        #expect(try j.outboxMessages().allSatisfy { $0.gatewayStatus == 202 && $0.gatewayAnswer?.hasPrefix("3:") == true && $0.attempts == 1 })
        try await kannel.startFakesmsc()
        try await eventually("queued messages delivered once the SMSC connects") { kannel.messages().count >= 3 }
        expectArrived(messages, in: kannel)
    }

    @Test func gatewayAnswering503IsRetriedHonouringRetryAfter() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        let flaky = try FlakyGateway(upstream: "http://127.0.0.1:\(kannel.sendsmsPort)", mode: "503", count: 3)
        defer { flaky.stop() }
        let j = try SQLiteJournal(path: SMSFixture.tempPath(), calendar: SMSFixture.calendar)
        let messages = drafts(1)
        try await j.enqueue(messages)
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway(kannel, url: flaky.url), options: SMSFixture.fastOptions(), ticketState: Self.called)
        let started = ContinuousClock.now
        try await withWorker(worker) {
            try await eventually("accepted after the 503s") { try j.outboxCounts() == [.accepted: 1] }
        }
        let elapsed = ContinuousClock.now - started
        // Three 503s with Retry-After: 1 → at least three one-second waits, though the jitter alone is ≤ 0.4 s.
        #expect(elapsed >= .seconds(2.9), "\(elapsed)")
        #expect(try j.outboxMessages().first?.attempts == 4)
        try await eventually("at the SMSC") { kannel.messages().count >= 1 }
        expectArrived(messages, in: kannel)
    }

    @Test func gatewayThatHangsTimesOutAndIsRetried() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        let flaky = try FlakyGateway(upstream: "http://127.0.0.1:\(kannel.sendsmsPort)", mode: "hang", count: 1)
        defer { flaky.stop() }
        let j = try SQLiteJournal(path: SMSFixture.tempPath(), calendar: SMSFixture.calendar)
        let messages = drafts(1)
        try await j.enqueue(messages)
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway(kannel, url: flaky.url, timeout: 1), options: SMSFixture.fastOptions(), ticketState: Self.called)
        try await withWorker(worker) {
            try await eventually("accepted after the timeout") { try j.outboxCounts() == [.accepted: 1] }
        }
        #expect(try j.outboxMessages().first?.attempts == 2)
        #expect(worker.tally["retried"] == 1)
        try await eventually("at the SMSC") { kannel.messages().count >= 1 }
        expectArrived(messages, in: kannel)
    }

    /// A crash mid-send, simulated: the first process's sends stop returning once 10 have
    /// completed (so nothing more is recorded), and a second process opens the same file.
    /// Every message whose request reached Kannel but whose answer was never recorded goes out
    /// twice: at most `concurrency` of them (the requests at once); what a crash leaves
    /// `sending` (and resends) is at most the window, 2 × `concurrency`.
    @Test func crashMidSendResendsPendingAndDuplicatesAtMostTheInFlight() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        let path = SMSFixture.tempPath()
        let messages = drafts(20)
        let concurrency = 4
        let crashing = CrashingGateway(inner: gateway(kannel), crashAfter: 10)
        do {
            let j = try SQLiteJournal(path: path, calendar: SMSFixture.calendar)
            try await j.enqueue(messages)
            let worker = OutboxWorker(journal: LiveJournal(j), gateway: crashing, options: SMSFixture.fastOptions(concurrency: concurrency), ticketState: Self.called)
            let task = Task { try await worker.run() }
            // Stuck, with every answer that came back before the crash written (9: the 10th
            // completion is the crash).
            try await eventually("the first process is stuck") {
                let accepted = try j.outboxCounts()[.accepted] ?? 0
                return crashing.crashed && crashing.parkedCount == concurrency && accepted == 9
            }
            task.cancel()  // its loops never come back: as good as dead for the outbox
        }
        let unrecorded = crashing.sentButUnrecorded
        let restarted = try SQLiteJournal(path: path, calendar: SMSFixture.calendar)
        let leftSending = try restarted.outboxCounts()[.sending] ?? 0
        #expect(leftSending >= concurrency && leftSending <= 2 * concurrency)
        let worker = OutboxWorker(journal: LiveJournal(restarted), gateway: gateway(kannel), options: SMSFixture.fastOptions(concurrency: concurrency), ticketState: Self.called)
        try await withWorker(worker) {
            try await eventually("all accepted after the restart") { try restarted.outboxCounts() == [.accepted: 20] }
            try await eventually("all at the SMSC") { kannel.messages().count >= 20 + unrecorded.count }
        }
        let duplicated = messages.filter { d in kannel.messages().filter { $0.text == d.text }.count > 1 }
        print("KANNEL crash mid-send: 20 messages, concurrency \(concurrency), \(unrecorded.count) sent but unrecorded at the crash → \(duplicated.count) duplicates at the SMSC, 0 lost")
        #expect(duplicated.count == unrecorded.count)
        #expect(unrecorded.count <= concurrency)
        expectArrived(messages.filter { d in !unrecorded.contains(d.ticket) }, in: kannel)
        expectArrived(messages.filter { d in unrecorded.contains(d.ticket) }, in: kannel, times: 2)
    }

    @Test func burstOf500ArrivesExactlyOnce() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        let j = try SQLiteJournal(path: SMSFixture.tempPath(), calendar: SMSFixture.calendar)
        let messages = drafts(500, prefix: "B")
        try await j.enqueue(messages)
        let worker = OutboxWorker(journal: LiveJournal(j), gateway: gateway(kannel), options: SMSFixture.fastOptions(concurrency: 8), ticketState: Self.called)
        let started = ContinuousClock.now
        var acceptedAfter = Duration.zero
        try await withWorker(worker) {
            try await eventually("500 accepted", within: 120, every: .milliseconds(50)) { try j.outboxCounts() == [.accepted: 500] }
            acceptedAfter = ContinuousClock.now - started
            try await eventually("500 at the SMSC", within: 120, every: .milliseconds(50)) { kannel.messages().count >= 500 }
        }
        let arrivedAfter = ContinuousClock.now - started
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        let got = kannel.messages()
        print(String(format: "KANNEL burst: 500 messages accepted in %.2f s (%.0f/s), all at fakesmsc in %.2f s (%.0f/s); fakesmsc lines %d, distinct %d",
                     seconds(acceptedAfter), 500 / seconds(acceptedAfter), seconds(arrivedAfter), 500 / seconds(arrivedAfter),
                     got.count, Set(got.map(\.text)).count))
        #expect(got.count == 500)
        expectArrived(messages, in: kannel)
        #expect(try j.outboxMessages().allSatisfy { $0.attempts == 1 })
        // Answers are written in batches with the next claim: on the old worker every message
        // cost two write transactions (its claim, its answer), 1,000 here.
        print("KANNEL burst: \(j.outboxWrites) outbox write transactions for 500 messages")
        #expect(j.outboxWrites < 250)
    }
}

/// Forwards to a real gateway until `crashAfter` sends have completed; from then on every
/// send (new, or finishing in flight) never returns, like a process killed at that moment.
final class CrashingGateway: SMSGateway {
    private struct State {
        var completed = 0
        var crashed = false
        var parked: [CheckedContinuation<Void, Never>] = []
        var sentButUnrecorded: [TicketNumber] = []
    }

    let inner: any SMSGateway
    let crashAfter: Int
    private let state = Mutex(State())

    init(inner: any SMSGateway, crashAfter: Int) {
        self.inner = inner
        self.crashAfter = crashAfter
    }

    var crashed: Bool { state.withLock { $0.crashed } }
    var parkedCount: Int { state.withLock { $0.parked.count } }
    var sentButUnrecorded: [TicketNumber] { state.withLock { $0.sentButUnrecorded } }

    func send(_ message: OutboxMessage) async -> SMSSendOutcome {
        if crashed { await park() }
        let outcome = await inner.send(message)
        let dead = state.withLock { s in
            s.completed += 1
            if s.completed >= crashAfter { s.crashed = true }
            if s.crashed { s.sentButUnrecorded.append(message.ticket) }
            return s.crashed
        }
        if dead { await park() }
        return outcome
    }

    private func park() async {
        await withCheckedContinuation { continuation in state.withLock { $0.parked.append(continuation) } }
    }
}
