import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
import Testing

/// Public reads (`/v1/services`, `/v1/tickets/{n}`) and the hall screen's snapshot are answered
/// from the hall as of its last commit, outside the hall actor, and say nothing personal.
@Suite struct PublicReadsTests {
    @Test func publicTicketStatusShowsNoPriorityFlag() async throws {
        try await TestDaemon.with { d in
            let issued = try await d.client.take("A", priority: true)
            #expect(issued.status == 201)
            // The kiosk that issued it may know (it prints 优先 on the ticket)…
            #expect(issued.json?["priority"]?.boolValue == true, "\(issued.text)")
            // …anyone else may not.
            let status = try await d.client.get("/v1/tickets/A001")
            #expect(status.status == 200)
            #expect(status.json?["priority"] == nil && !status.text.contains("priority"), "\(status.text)")
            #expect(status.json?["state"]?.stringValue == "waiting")
        }
    }

    @Test func publicReadsShowTheLastCommitAtOnce() async throws {
        try await TestDaemon.with { d in
            #expect(try await d.client.take("A").status == 201)
            // Answered right after the commit: no waiting for a refresh.
            #expect(try await d.client.get("/v1/tickets/A001").json?["state"]?.stringValue == "waiting")
            #expect(try await d.client.window("1", "call").status == 200)
            let called = try await d.client.get("/v1/tickets/A001")
            #expect(called.json?["state"]?.stringValue == "called" && called.json?["counter"]?.stringValue == "1", "\(called.text)")
            let services = try await d.client.get("/v1/services")
            #expect(services.status == 200)
            let hall = try await d.client.get("/v1/hall", as: .display)
            #expect(hall.text.contains("A001"), "\(hall.text)")
            expectError(try await d.client.get("/v1/tickets/A002"), 404, "unknown_ticket")
        }
    }

    /// While the hall actor is busy (held by a long read), public reads and the hall snapshot
    /// are still answered: they never wait for it.
    @Test func publicReadsAreAnsweredWhileTheHallActorIsBusy() async throws {
        try await TestDaemon.with { d in
            for service in ["A", "B", "C"] { #expect(try await d.client.take(service).status == 201) }
            let released = Collected<Bool>(), holding = Collected<Bool>()
            async let hold: Void = d.hall.read { _ in
                holding.append(true)
                // Blocks the actor (and one thread) on purpose: a stand-in for a long command.
                let until = Date().addingTimeInterval(3)
                while Date() < until { usleep(1000) }
                released.append(true)
            }
            #expect(await eventually(within: 5) { holding.count > 0 })
            for path in ["/v1/services", "/v1/tickets/B001"] {
                let answer = try await d.client.get(path)
                #expect(answer.status == 200, "\(path): \(answer.text)")
                #expect(released.count == 0, "\(path) waited for the hall actor")
            }
            let hall = try await d.client.get("/v1/hall", as: .display)
            #expect(hall.status == 200)
            #expect(released.count == 0, "/v1/hall waited for the hall actor")
            await hold
        }
    }
}
