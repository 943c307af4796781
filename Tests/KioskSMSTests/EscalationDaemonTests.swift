import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// Escalation in the daemon, on a manual clock: an elderly citizen's unanswered call is set
/// aside (the window lists it as awaiting, 未确认), the window calls the next one, the
/// caretaker gets one more message, and called back and served it counts as a no-show avoided.
@Suite("Escalation in the daemon", .serialized)
struct EscalationDaemonTests {
    /// Replies on, an unanswered call set aside after two minutes; the first window and its first service.
    let config: HallConfig = {
        var config = HallConfig.defaultHall
        config.reply = ReplySettings(enabled: true, escalateAfterSeconds: 120)
        return config
    }()
    var counter: CounterConfig { config.counters[0] }
    var service: ServiceCode { counter.services[0] }
    var tokens: AccessTokens { AccessTokens.forTests(config) }

    @Test func anUnansweredElderIsSetAsideTheWindowGoesOnAndTheCaretakerIsTold() async throws {
        try await InProcessDaemon.onManualClock(config: config, adjust: { $0.fastSMS() }) { daemon, clock in
            let elder = try await daemon.take(#"{"service":"\#(service)","priority":true,"phone":"13800138000","caretaker_phone":"13900139000"}"#, token: tokens.kiosk)
            let next = try await daemon.take(#"{"service":"\#(service)"}"#, token: tokens.kiosk)
            let windowToken = tokens.windows[counter.id]
            #expect(try await daemon.send(.post, "/v1/windows/\(counter.id)/call", token: windowToken).status == 200)

            clock.advance(by: 121)
            try await daemon.hall.execute(.tick)
            let window = try await daemon.json(.get, "/v1/windows/\(counter.id)", token: windowToken)
            #expect(window["awaiting"]?.arrayValue?.first?.stringValue == elder, "\(window)")
            #expect(window["parked"]?.arrayValue?.first?.stringValue == elder)
            #expect(window["current"] == .null)
            let messages = try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: elder).filter { $0.trigger == .escalated }
            #expect(messages.map(\.recipient) == [.caretaker] && messages.first?.phone?.digits == "13900139000")

            // The window calls the next one; later the elder comes back and is served.
            let call = try await daemon.send(.post, "/v1/windows/\(counter.id)/call", token: windowToken)
            #expect(call.text.contains(next), "\(call.text)")
            for action in ["start", "finish"] { _ = try await daemon.send(.post, "/v1/windows/\(counter.id)/\(action)", token: windowToken) }
            let unpark = try await daemon.send(.post, "/v1/windows/\(counter.id)/unpark", token: windowToken, #"{"ticket":"\#(elder)"}"#)
            #expect(unpark.status == 200, "\(unpark.text)")
            for action in ["start", "finish"] { _ = try await daemon.send(.post, "/v1/windows/\(counter.id)/\(action)", token: windowToken) }
            let kinds = try daemon.daemon.store.events(on: SMSFixture.date).map(\.event.kind)
            #expect(kinds.contains(.escalated(ticket: elder, counter: counter.id)))
            #expect(kinds.contains(.finished(ticket: elder, counter: counter.id)))
            #expect(!kinds.contains { if case .noShow = $0 { true } else { false } })
            // The day's figures: one set aside, served after all.
            let stats = try await daemon.json(.get, "/v1/stats", token: tokens.display)
            #expect(stats["replies"]?["escalated"]?.intValue == 1, "\(stats)")
            #expect(stats["replies"]?["no_shows_avoided"]?.intValue == 1, "\(stats)")
        }
    }

    /// Issue 22's leftover: the clerk gives up a set-aside ticket in one step, with the window's
    /// own token, while the window serves the next citizen; a second try is refused (409).
    @Test func aSetAsideTicketIsANoShowInOneRequest() async throws {
        try await InProcessDaemon.onManualClock(config: config, adjust: { $0.fastSMS() }) { daemon, clock in
            let elder = try await daemon.take(#"{"service":"\#(service)","priority":true,"phone":"13800138000"}"#, token: tokens.kiosk)
            _ = try await daemon.send(.post, "/v1/tickets", token: tokens.kiosk, #"{"service":"\#(service)"}"#)
            let windowToken = tokens.windows[counter.id]
            #expect(try await daemon.send(.post, "/v1/windows/\(counter.id)/call", token: windowToken).status == 200)
            clock.advance(by: 121)
            try await daemon.hall.execute(.tick)
            for action in ["call", "start"] { _ = try await daemon.send(.post, "/v1/windows/\(counter.id)/\(action)", token: windowToken) }

            let body = #"{"ticket":"\#(elder.lowercased())"}"#
            let other = config.counters[1].id
            #expect(try await daemon.send(.post, "/v1/windows/\(counter.id)/noshow-awaiting", token: tokens.windows[other], body).status == 403)
            let answer = try await daemon.send(.post, "/v1/windows/\(counter.id)/noshow-awaiting", token: windowToken, body)
            #expect(answer.status == 200, "\(answer.text)")
            let window = try answer.json()["window"]
            #expect(window?["parked"]?.arrayValue?.isEmpty == true, "\(answer.text)")
            #expect(window?["current"]?["state"]?.stringValue == "serving")
            let again = try await daemon.send(.post, "/v1/windows/\(counter.id)/noshow-awaiting", token: windowToken, body)
            let code = try again.json()["error"]?["code"]?.stringValue
            #expect(again.status == 409 && code == "not_parked_here", "\(again.text)")
            let kinds = try daemon.daemon.store.events(on: SMSFixture.date).map(\.event.kind)
            #expect(kinds.filter { $0 == .noShow(ticket: elder, counter: counter.id, automatic: false) }.count == 1)
        }
    }
}
