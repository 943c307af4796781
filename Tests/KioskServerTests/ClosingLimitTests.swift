import Foundation
import KioskCore
import KioskServer
import Testing

/// "Your turn would come after closing" is decided once, inside the hall actor, on the state
/// every earlier issue left: parallel kiosks at the limit cannot all slip past it.
@Suite(.timeLimit(.minutes(3)))
struct ClosingLimitTests {
    /// One window for service A; the session ends at 09:30 and the clock stands at 09:00, so
    /// only the first few of twenty tickets can be called before closing.
    static let oneWindowClosingSoon = HallConfig(
        name: "测试大厅", nameEN: "Test hall",
        sessions: [TimeSpan(ClockTime(hour: 8, minute: 0), ClockTime(hour: 9, minute: 30))],
        services: [ServiceConfig(code: "A", name: "求职登记", documents: ["身份证"])],
        counters: [CounterConfig(id: "1", services: ["A"])]
    )

    static let attempts = 20

    /// Status codes of `attempts` issues sent one after another.
    static func oneAfterAnother() async throws -> [Int] {
        try await TestDaemon.with(config: oneWindowClosingSoon) { daemon in
            var statuses: [Int] = []
            for _ in 0..<attempts { statuses.append(try await daemon.client.take("A").status) }
            return statuses
        }
    }

    @Test func parallelIssuesAtTheClosingLimitIssueAsManyAsSequentialOnes() async throws {
        let sequential = try await Self.oneAfterAnother()
        let issuedInOrder = sequential.filter { $0 == 201 }.count
        #expect(issuedInOrder > 0 && issuedInOrder < Self.attempts, "the limit falls inside the twenty: \(sequential)")
        #expect(Set(sequential).isSubset(of: [201, 409]), "\(sequential)")

        try await TestDaemon.with(config: Self.oneWindowClosingSoon, clientConcurrency: Self.attempts) { daemon in
            let api = daemon.client
            let answers = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<Self.attempts { group.addTask { try await api.take("A") } }
                return try await group.reduce(into: [APIResponse]()) { $0.append($1) }
            }
            let issued = answers.filter { $0.status == 201 }
            let refused = answers.filter { $0.status == 409 }
            #expect(issued.count == issuedInOrder, "parallel: \(answers.map(\.status)), one after another: \(sequential)")
            #expect(refused.count == Self.attempts - issuedInOrder)
            #expect(refused.allSatisfy { $0.errorCode == "closes_before_turn" }, "\(refused.map(\.text))")
            #expect(try daemon.issuedInJournal().count == issuedInOrder, "the journal holds only the tickets answered 201")
        }
    }

    @Test func theRefusalSaysWhenTheTurnWouldComeAndTheSupervisorMayOverride() async throws {
        try await TestDaemon.with(config: Self.oneWindowClosingSoon) { daemon in
            var answer = try await daemon.client.take("A")
            while answer.status == 201 { answer = try await daemon.client.take("A") }
            #expect(answer.status == 409)
            #expect(answer.errorCode == "closes_before_turn")
            let message = answer.json?["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("晚于今日办理结束(09:30),请明日再来"), "\(message)")
            #expect(message.contains("would come after closing time (09:30)"), "\(message)")

            let before = try daemon.issuedInJournal().count
            let overridden = try await daemon.client.take("A", as: .supervisor, override: true)
            #expect(overridden.status == 201, "\(overridden.text)")
            #expect(try daemon.issuedInJournal().count == before + 1)
            #expect(overridden.json?["estimate_min"]?.doubleValue != nil, "the printed estimate comes with it: \(overridden.text)")
        }
    }
}
