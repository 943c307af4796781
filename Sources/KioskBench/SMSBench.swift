import Foundation
import KioskCore
import KioskHTTPClient
import KioskSMS
import KioskStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Goal 5 of issue 17: how fast the outbox empties a burst into a real Kannel, against how fast
/// Kannel itself accepts the same requests from a bare keep-alive client, in one run.
///
/// Starts Kannel on loopback (`KannelHarness`), then: the bare client (the Kannel adapter's
/// requests sent straight through the libcurl transport, no outbox) with `concurrency`
/// connections and with one; the outbox worker on a fresh SQLite journal holding the burst
/// (synchronous FULL, as the daemon's); the bare client again (Kannel's queue is fuller by
/// then). Prints figures; asserts nothing.
public struct SMSBench {
    public var messages = 2000
    public var concurrency = 16
    public var onFigure: (@Sendable (String, Double) -> Void)?

    public init() {}

    public func run() async throws -> IssueBench.Figures {
        var figures = IssueBench.Figures(onFigure: onFigure)
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        let dir = NSTemporaryDirectory() + "kiosk-bench-sms-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: concurrency))
        defer { transport.shutdown() }
        let single = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 1))
        defer { single.shutdown() }
        let gateway = KannelGateway(
            url: kannel.sendsmsURL, username: kannel.username, password: kannel.password, sender: kannel.sender,
            callback: CallbackAddress(), timeout: 10, transport: transport
        )
        let bareOne = KannelGateway(
            url: kannel.sendsmsURL, username: kannel.username, password: kannel.password, sender: kannel.sender,
            callback: CallbackAddress(), timeout: 10, transport: single
        )
        let now = Date()
        func burst(_ tag: String) -> [OutboxMessage] {
            (0..<messages).map { i in
                let ticket = tag + String(format: "%04d", i)
                return OutboxMessage(
                    id: Int64(i + 1), date: Self.date, ticket: ticket, trigger: .yourTurn, recipient: .citizen,
                    phone: PhoneNumber("139\(String(format: "%08d", i))"), phoneMasked: "139****0000",
                    text: "【连城人社】请\(ticket)号到\(i % 9 + 1)号窗口办理。", state: .sending, reason: nil, attempts: 1,
                    createdAt: now, nextAttemptAt: now, deadline: now.addingTimeInterval(3600), updatedAt: now
                )
            }
        }

        // Warm the connections (and Kannel) before anything is timed.
        _ = try await bare(burst("W").prefix(concurrency * 4), through: gateway, connections: concurrency)

        let before = try await bare(burst("K"), through: gateway, connections: concurrency)
        figures.values.append(("kannel_bare_\(concurrency)_connections_per_s", before.rate))
        figures.values.append(("kannel_bare_\(concurrency)_connections_accepted", Double(before.accepted)))
        figures.values.append(("kannel_bare_\(concurrency)_cpu_ms_per_message", before.cpuSeconds * 1000 / Double(max(1, before.accepted))))
        let one = try await bare(burst("S"), through: bareOne, connections: 1)
        figures.values.append(("kannel_bare_1_connection_per_s", one.rate))

        let worker = try await outbox(burst("Q"), kannel: kannel, dir: dir)
        figures.values.append(("outbox_\(concurrency)_concurrency_per_s", worker.rate))
        figures.values.append(("outbox_accepted", Double(worker.accepted)))
        figures.values.append(("outbox_cpu_ms_per_message", worker.cpuSeconds * 1000 / Double(max(1, worker.accepted))))
        figures.values.append(("outbox_messages_per_durable_write", Double(worker.accepted) / Double(max(1, worker.writes))))

        let after = try await bare(burst("L"), through: gateway, connections: concurrency)
        figures.values.append(("kannel_bare_\(concurrency)_connections_after_per_s", after.rate))
        let kannelRate = (before.rate + after.rate) / 2
        figures.values.append(("outbox_share_of_kannel_bare_\(concurrency)", worker.rate / kannelRate))
        figures.values.append(("outbox_share_of_kannel_bare_1", worker.rate / one.rate))
        return figures
    }

    static let date = BusinessDate(year: 2026, month: 3, day: 2)

    struct Run {
        var accepted: Int
        var seconds: Double
        var cpuSeconds: Double = 0
        /// Outbox write transactions (the worker's claims and answers).
        var writes = 0
        var rate: Double { Double(accepted) / seconds }
    }

    /// Sends `messages` straight through the Kannel adapter, `connections` at a time.
    func bare(_ messages: some Collection<OutboxMessage>, through gateway: KannelGateway, connections: Int) async throws -> Run {
        let cpu = Self.cpuSeconds()
        let start = ContinuousClock.now
        let accepted = await withTaskGroup(of: Int.self) { group in
            var queue = messages.makeIterator()
            func sendNext() {
                guard let message = queue.next() else { return }
                group.addTask { if case .accepted = await gateway.send(message) { 1 } else { 0 } }
            }
            for _ in 0..<connections { sendNext() }
            var accepted = 0
            for await one in group {
                accepted += one
                sendNext()
            }
            return accepted
        }
        return Run(accepted: accepted, seconds: Self.seconds(ContinuousClock.now - start), cpuSeconds: Self.cpuSeconds() - cpu)
    }

    /// The burst through the outbox worker on a fresh journal: enqueued first (one
    /// transaction), timed from the worker's start until every message is accepted.
    func outbox(_ messages: [OutboxMessage], kannel: KannelHarness, dir: String) async throws -> Run {
        let calendar = QueueEngine(config: HallConfig.defaultHall).calendar
        let journal = try SQLiteJournal(path: dir + "/journal.sqlite", calendar: calendar)
        let now = Date()
        try await journal.enqueue(messages.map { m in
            OutboxDraft(date: m.date, ticket: m.ticket, trigger: m.trigger, recipient: m.recipient, phone: m.phone!, text: m.text,
                        createdAt: now, deadline: now.addingTimeInterval(3600))
        })
        let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: concurrency))
        defer { transport.shutdown() }
        let gateway = KannelGateway(
            url: kannel.sendsmsURL, username: kannel.username, password: kannel.password, sender: kannel.sender,
            callback: CallbackAddress(), timeout: 10, transport: transport
        )
        var options = OutboxWorker.Options()
        options.concurrency = concurrency
        let total = messages.count
        let done = Countdown(total)
        // Every message ends once (accepted, failed or dropped); a retry or a hold is not an end.
        let tally = OutboxWorker.Tally { outcome in if outcome != "retried" && outcome != "held" { done.tick() } }
        let worker = OutboxWorker(journal: LiveJournal(journal), gateway: gateway, options: options, tally: tally) { _, _ in
            .called(counter: "1", calls: 1, lastCallAt: now)
        }
        let cpu = Self.cpuSeconds()
        let start = ContinuousClock.now
        let task = Task { try await worker.run() }
        await done.wait()
        let seconds = Self.seconds(ContinuousClock.now - start)
        let used = Self.cpuSeconds() - cpu
        task.cancel()
        _ = await task.result
        return Run(accepted: tally["accepted"], seconds: seconds, cpuSeconds: used, writes: journal.outboxWrites)
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

    /// This process's CPU time (user + system), seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}

/// Resumes its waiter once `tick()` was called `count` times (every outcome the worker tallies).
final class Countdown: Sendable {
    private struct State {
        var left: Int
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state: Mutex<State>

    init(_ count: Int) { state = Mutex(State(left: count)) }

    func tick() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.left -= 1
            guard s.left <= 0 else { return nil }
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { s -> Bool in
                if s.left <= 0 { return true }
                s.waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }
}
