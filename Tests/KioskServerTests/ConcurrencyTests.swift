import Foundation
import KioskCore
import Testing

/// Many kiosks and windows at once over HTTP: the hall actor and group commit keep every
/// ticket's story single.
@Suite(.timeLimit(.minutes(3)))
struct ConcurrencyTests {
    /// Eight windows that all serve service A, one morning session.
    static let eightWindowsOfA = HallConfig(
        name: "测试大厅", nameEN: "Test hall",
        sessions: [TimeSpan(ClockTime(hour: 8, minute: 0), ClockTime(hour: 12, minute: 0))],
        services: [ServiceConfig(code: "A", name: "求职登记", documents: ["身份证"])],
        counters: (1...8).map { CounterConfig(id: String($0), services: ["A"]) }
    )

    struct Call: Sendable {
        var window: String
        var ticket: String
    }

    @Test func eightWindowsCallingAsFastAsTheyCanCallEveryTicketExactlyOnce() async throws {
        try await TestDaemon.with(config: Self.eightWindowsOfA, clientConcurrency: 16) { daemon in
            let api = daemon.client
            let count = 200
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<count { group.addTask { try await api.take("A").json?["ticket"]?.stringValue } }
                return try await group.reduce(into: [String]()) { if let n = $1 { $0.append(n) } }
            }
            #expect(numbers.count == count)

            let calls = try await withThrowingTaskGroup(of: [Call].self) { group in
                for window in (1...8).map(String.init) {
                    group.addTask {
                        var mine: [Call] = []
                        while true {
                            let call = try await api.window(window, "call")
                            if call.status == 409, call.errorCode == "no_ticket_waiting" { return mine }
                            guard call.status == 200, let ticket = call.events("call").first?["ticket"]?.stringValue else {
                                Issue.record("window \(window) call: \(call.status) \(call.text)")
                                return mine
                            }
                            mine.append(Call(window: window, ticket: ticket))
                            let start = try await api.window(window, "start")
                            let finish = try await api.window(window, "finish")
                            #expect(start.status == 200 && finish.status == 200, "window \(window): \(start.text) \(finish.text)")
                            #expect(finish.events("finish").first?["ticket"]?.stringValue == ticket)
                        }
                    }
                }
                return try await group.reduce(into: [Call]()) { $0 += $1 }
            }

            let called = calls.map(\.ticket)
            #expect(called.count == count, "every ticket called once")
            #expect(Set(called) == Set(numbers), "the called tickets are the issued ones")
            #expect(Set(called).count == called.count, "no ticket at two windows")
            #expect(Set(calls.map(\.window)).count > 1, "the work was shared")

            // The journal tells the same story: one call and one finish per ticket, same window.
            var calledAt: [String: [String]] = [:]
            var finishedAt: [String: [String]] = [:]
            for stored in try daemon.journalEvents() {
                switch stored.event.kind {
                case let .called(ticket, counter, _): calledAt[ticket, default: []].append(counter)
                case let .finished(ticket, counter): finishedAt[ticket, default: []].append(counter)
                case .recalled, .noShow: Issue.record("unexpected \(stored.event.kind)")
                default: break
                }
            }
            #expect(calledAt.count == count && calledAt.values.allSatisfy { $0.count == 1 })
            #expect(finishedAt == calledAt)
            let open = await daemon.hall.state.tickets.values.filter { $0.state.name != "done" }
            #expect(open.isEmpty)
        }
    }

    @Test func sixtyFourConcurrentTakesGetSixtyFourDistinctNumbersAllDurable() async throws {
        try await TestDaemon.with(config: Self.eightWindowsOfA, clientConcurrency: 64) { daemon in
            let api = daemon.client
            let answers = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<64 { group.addTask { try await api.take("A") } }
                return try await group.reduce(into: [APIResponse]()) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.status == 201 })
            let numbers = answers.compactMap { $0.json?["ticket"]?.stringValue }
            let expected = (1...64).map { n in "A" + String(repeating: "0", count: 3 - String(n).count) + String(n) }
            #expect(numbers.sorted() == expected)
            #expect(try daemon.issuedInJournal().sorted() == expected)
            // People ahead counts every earlier ticket: the 64 answers are 0…63 in some order.
            #expect(answers.compactMap { $0.json?["people_ahead"]?.intValue }.sorted() == Array(0..<64))
            // Group commit at work: the commit histogram saw the 64 commands.
            let metrics = try await api.get("/metrics").text
            #expect(metrics.contains("kiosk_journal_commit_commands_sum"))
        }
    }
}
