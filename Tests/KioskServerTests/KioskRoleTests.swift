import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
import Testing

/// The kiosk token sits on a machine in the public hall: it may issue at a bounded rate, and
/// cancel only a ticket it issued itself in the last 10 minutes. Supervisors are not limited.
/// A real daemon over HTTP, on a manual hall clock.
@Suite struct KioskRoleTests {
    @Test func kioskIssuingIsRateLimitedWith429AndRetryAfterButSupervisorsAreNot() async throws {
        try await TestDaemon.with(kioskRateLimit: true) { d in
            let services = ["A", "B", "C", "D", "E", "F", "J", "K"]
            #expect(d.config.limits.kioskIssueBurst == 30 && d.config.limits.kioskIssuePerSecond == 1)
            // The burst: 30 at once, whatever each answers (a refusal spends a token too).
            for i in 0..<30 {
                let answer = try await d.client.take(services[i % services.count])
                #expect(answer.status == 201, "ticket \(i): \(answer.text)")
            }
            let limited = try await d.client.take("A")
            expectError(limited, 429, "rate_limited")
            #expect(limited.headers["Retry-After"] == "1", "\(limited.headers)")
            #expect(try d.issuedInJournal().count == 30)
            // A supervisor is not limited.
            let supervisor = try await d.client.take("A", as: .supervisor)
            #expect(supervisor.status == 201, "\(supervisor.text)")
            // One second on the hall clock: one more.
            d.clock.advance(by: 1)
            #expect(try await d.client.take("B").status == 201)
            expectError(try await d.client.take("B"), 429, "rate_limited")
            d.clock.advance(by: 5)
            for _ in 0..<5 { #expect(try await d.client.take("C").status == 201) }
            expectError(try await d.client.take("C"), 429, "rate_limited")
            let metrics = try await d.client.get("/metrics")
            #expect(metrics.text.contains(#"kiosk_refused_total{reason="rate_limited"} 3"#), "\(metrics.text)")
        }
    }

    @Test func aZeroBurstTurnsTheLimitOff() async throws {
        var config = HallConfig.defaultHall
        config.limits.kioskIssuePerSecond = 0
        try await TestDaemon.with(config: config, kioskRateLimit: true) { d throws in
            for i in 0..<40 {
                let answer = try await d.client.take(["A", "B", "C", "D"][i % 4])
                #expect(answer.status == 201, "\(answer.text)")
            }
        }
    }

    @Test func theKioskCancelsOnlyItsOwnTicketsOfTheLastTenMinutes() async throws {
        try await TestDaemon.with(kioskRateLimit: true) { d in
            func number(_ answer: APIResponse) throws -> String { try #require(answer.json?["ticket"]?.stringValue) }
            // Its own, at once: fine (a citizen who changed their mind).
            let mine = try number(try await d.client.take("A"))
            let cancelled = try await d.client.post("/v1/tickets/\(mine)/cancel", as: .kiosk)
            #expect(cancelled.status == 200 && cancelled.eventNames == ["cancel"], "\(cancelled.text)")
            // Its own, at 9:59 and at 10:01 after issue.
            let early = try number(try await d.client.take("A"))
            let late = try number(try await d.client.take("A"))
            d.clock.advance(by: 599)
            #expect(try await d.client.post("/v1/tickets/\(early)/cancel", as: .kiosk).status == 200)
            d.clock.advance(by: 2)
            expectError(try await d.client.post("/v1/tickets/\(late)/cancel", as: .kiosk), 403, "not_cancellable_here")
            // A supervisor's ticket: never the kiosk's to cancel.
            let supervisors = try number(try await d.client.take("B", as: .supervisor))
            expectError(try await d.client.post("/v1/tickets/\(supervisors)/cancel", as: .kiosk), 403, "not_cancellable_here")
            // Nothing changed for the refused ones; the supervisor may cancel them.
            let waiting = try await d.client.get("/v1/tickets/\(late)")
            #expect(waiting.json?["state"]?.stringValue == "waiting", "\(waiting.text)")
            #expect(try await d.client.post("/v1/tickets/\(late)/cancel", as: .supervisor).status == 200)
            #expect(try await d.client.post("/v1/tickets/\(supervisors)/cancel", as: .supervisor).status == 200)
        }
    }
}
