import Foundation
import KioskCore
import KioskSMS
import KioskStore

/// A business day's date and a hall for outbox tests.
enum SMSFixture {
    static let date = BusinessDate(year: 2026, month: 3, day: 2)
    static let config = HallConfig.defaultHall
    static var calendar: HallCalendar { QueueEngine(config: config).calendar }

    static func tempPath(_ name: String = "journal.sqlite") -> String {
        let dir = NSTemporaryDirectory() + "kiosk-sms-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    static func draft(
        _ ticket: TicketNumber, _ trigger: SMSTrigger = .yourTurn, recipient: SMSRecipient = .citizen,
        phone: String = "13800138000", text: String? = nil, now: Date = Date(), lifetime: Double = 600
    ) -> OutboxDraft {
        OutboxDraft(
            date: date, ticket: ticket, trigger: trigger, recipient: recipient, phone: PhoneNumber(phone)!,
            text: text ?? "【连城人社】请\(ticket)号到1号窗口办理。", createdAt: now, deadline: now.addingTimeInterval(lifetime)
        )
    }

    /// Fast retries for tests: 50 ms doubling to 400 ms.
    static func fastOptions(concurrency: Int = 4, maxAttempts: Int = 50) -> OutboxWorker.Options {
        var options = OutboxWorker.Options()
        options.concurrency = concurrency
        options.retry = RetryPolicy(base: 0.05, cap: 0.4, maxRetryAfter: 2, maxAttempts: maxAttempts)
        options.pollInterval = .milliseconds(20)
        return options
    }
}

/// Runs a worker (a `Service`) in a child task for the duration of `body`, then cancels it.
func withWorker<T: Sendable>(_ worker: OutboxWorker, _ body: () async throws -> T) async throws -> T {
    let task = Task { try await worker.run() }
    defer { task.cancel() }
    let result = try await body()
    task.cancel()
    _ = await task.result
    return result
}
