import Foundation
import KioskCore
import KioskHTTPClient
import Testing

@Suite(.timeLimit(.minutes(2)))
struct GracefulShutdownTests {
    enum Outcome: Sendable {
        case answered(status: Int, ticket: String?)
        case noAnswer(String)
        case shutDown((any Error)?)
    }

    @Test func shutdownEndsTheStreamsFinishesInFlightCommandsAndReturns() async throws {
        try await TestDaemon.with(clientConcurrency: 16) { daemon in
            let api = daemon.client
            let stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display)
            defer { stream.close() }
            try await stream.read(throughID: try daemon.journal.lastSeq())

            var answers: [(status: Int, ticket: String?)] = []
            var runError: (any Error)??
            try await withThrowingTaskGroup(of: Outcome.self) { group in
                for i in 0..<48 {
                    group.addTask {
                        do {
                            let answer = try await api.take(["A", "B", "C"][i % 3])
                            return .answered(status: answer.status, ticket: answer.json?["ticket"]?.stringValue)
                        } catch {
                            return .noAnswer("\(error)")
                        }
                    }
                }
                // Shut down as soon as the first command is answered: the rest are in flight
                // or still arriving.
                var asked = false
                for try await outcome in group {
                    switch outcome {
                    case let .answered(status, ticket):
                        answers.append((status, ticket))
                        if !asked {
                            asked = true
                            group.addTask { .shutDown(await daemon.shutdownAndWait()) }
                        }
                    case .noAnswer:
                        break
                    case let .shutDown(error):
                        runError = .some(error)
                    }
                }
            }

            let error = try #require(runError, "run() returned")
            #expect(error == nil, "run() threw \(String(describing: error))")
            try await stream.readToEnd()
            #expect(stream.ended)

            // Every command that got a 2xx is in the journal; none got a 5xx other than a
            // refusal to start new work while shutting down.
            let acknowledged = answers.filter { $0.status == 201 }.compactMap(\.ticket)
            #expect(!acknowledged.isEmpty)
            let issued = Set(try daemon.issuedInJournal())
            print("graceful-shutdown-test: requests=48 created=\(acknowledged.count) refused=\(answers.count - acknowledged.count) no-answer=\(48 - answers.count) in-journal=\(issued.count)")
            #expect(Set(acknowledged).isSubset(of: issued), "acknowledged but missing: \(Set(acknowledged).subtracting(issued).sorted())")
            // And the drain answered every command it had started: nothing committed unanswered.
            #expect(issued.subtracting(acknowledged).isEmpty, "committed but never answered: \(issued.subtracting(acknowledged).sorted())")
            for answer in answers where answer.status != 201 {
                #expect(answer.status == 503, "an answer during shutdown was \(answer.status)")
            }
            // What the stream carried before it ended has no gap and no duplicate.
            #expect(stream.ids == Array(1...(stream.ids.last ?? 1)))
        }
    }

    @Test func anIdleDaemonWithAnOpenStreamShutsDownAndStopsListening() async throws {
        try await TestDaemon.with { daemon in
            let stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display)
            defer { stream.close() }
            let error = await daemon.shutdownAndWait()
            #expect(error == nil)
            try await stream.readToEnd()
            // After run() returned nothing listens any more.
            await #expect(throws: (any Error).self) { try await daemon.client.get("/healthz") }
        }
    }
}
