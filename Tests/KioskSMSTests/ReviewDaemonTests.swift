import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// 即审 through the daemon with each window's own token: window 1 hands a case over, reviewer
/// window 9 takes and approves it, window 1's next call calls the citizen back (the SMS says
/// where to fetch the result), and the case is finished; a return reaches the clerk and the phone.
@Suite("即审 in the daemon", .serialized)
struct ReviewDaemonTests {
    static var config: HallConfig {
        var config = HallConfig.defaultHall
        config.counters.append(CounterConfig(id: "9", name: "审核岗", services: [], reviews: true))
        return config
    }

    /// Window 1 hands over, window 9 reviews; with the hall's test tokens.
    let clerk = Self.config.counters[0], tokens = AccessTokens.forTests(Self.config)
    var service: ServiceCode { clerk.services[0] }
    var window: String? { tokens.windows[clerk.id] }
    var reviewer: String? { tokens.windows["9"] }

    @Test func handOffTakeApproveCallBackFinish() async throws {
        try await InProcessDaemon.onManualClock(config: Self.config, adjust: { $0.fastSMS() }) { daemon, clock in
            let number = try await daemon.take(#"{"service":"\#(service)","phone":"13800138000"}"#, token: tokens.kiosk)
            for action in ["call", "start"] {
                #expect(try await daemon.send(.post, "/v1/windows/\(clerk.id)/\(action)", token: window).status == 200)
            }
            clock.advance(by: 300)
            // Window 1 hands it over; the reviewer's token cannot do that for window 1.
            #expect(try await daemon.send(.post, "/v1/windows/\(clerk.id)/review", token: reviewer, #"{"note":"材料齐"}"#).status == 403)
            let handOff = try await daemon.send(.post, "/v1/windows/\(clerk.id)/review", token: window, #"{"note":"材料齐"}"#)
            #expect(handOff.status == 200, "\(handOff.text)")
            #expect(try handOff.json()["window"]?["current"] == .null)
            #expect(try handOff.json()["window"]?["in_review"]?.arrayValue?.map(\.stringValue) == [number])
            let status = try await daemon.json(.get, "/v1/tickets/\(number)", token: nil)
            #expect(status["state"]?.stringValue == "in_review")
            #expect(status["review"] == nil, "the public status says no more than the state")

            clock.advance(by: 60)
            #expect(try await daemon.send(.post, "/v1/windows/9/review/next", token: window).status == 403)
            let next = try await daemon.json(.post, "/v1/windows/9/review/next", token: reviewer)
            #expect(next["window"]?["reviewing"]?["ticket"]?.stringValue == number, "\(next)")
            #expect(next["window"]?["reviewing"]?["review"]?["note"]?.stringValue == "材料齐")
            #expect(next["window"]?["review_queue"]?.intValue == 0)
            let empty = try await daemon.send(.post, "/v1/windows/9/review/next", token: reviewer)
            let busyCode = try empty.json()["error"]?["code"]?.stringValue
            #expect(empty.status == 409 && busyCode == "reviewer_busy", "\(empty.text)")
            clock.advance(by: 180)
            let approve = try await daemon.send(.post, "/v1/windows/9/review/approve", token: reviewer)
            #expect(approve.status == 200, "\(approve.text)")
            #expect(try approve.json()["window"]?["reviewing"] == nil)
            #expect(try await daemon.json(.get, "/v1/tickets/\(number)", token: nil)["state"]?.stringValue == "reviewed")

            // The clerk's next call is the call back, ahead of anyone who came meanwhile.
            _ = try await daemon.send(.post, "/v1/tickets", token: tokens.kiosk, #"{"service":"\#(service)"}"#)
            let callBack = try await daemon.json(.post, "/v1/windows/\(clerk.id)/call", token: window)
            #expect(callBack["events"]?.arrayValue?.first?["ev"]?.stringValue == "call_back", "\(callBack)")
            #expect(callBack["window"]?["current"]?["ticket"]?.stringValue == number)
            #expect(callBack["window"]?["current"]?["review"]?["decision"]?.stringValue == "approved")
            let hall = try await daemon.json(.get, "/v1/hall", token: tokens.display)
            #expect(hall["calls"]?.arrayValue?.first?["ticket"]?.stringValue == number)
            let messages = try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: number).filter { $0.trigger == .reviewApproved }
            #expect(messages.count == 1)
            #expect(messages.first?.text.contains("请\(number)号回到\(clerk.name)领取结果") == true, "\(messages.map(\.text))")
            for action in ["start", "finish"] {
                #expect(try await daemon.send(.post, "/v1/windows/\(clerk.id)/\(action)", token: window).status == 200)
            }
            let kinds = try daemon.daemon.store.events(on: SMSFixture.date).map(\.event.kind)
            #expect(kinds.contains(.handedToReview(ticket: number, counter: clerk.id, note: "材料齐")))
            #expect(kinds.contains(.reviewTaken(ticket: number, reviewer: "9")))
            #expect(kinds.contains(.reviewApproved(ticket: number, reviewer: "9")))
            #expect(kinds.contains(.calledBack(ticket: number, counter: clerk.id)))
            #expect(kinds.last == .finished(ticket: number, counter: clerk.id))

            // The day's figures: one case, waited 60 s for the reviewer, reviewed in 180 s.
            let stats = try await daemon.json(.get, "/v1/stats", token: tokens.display)
            #expect(stats["reviews"]?["handed_over"]?.intValue == 1, "\(stats)")
            #expect(stats["reviews"]?["approved"]?.intValue == 1)
            #expect(stats["reviews"]?["wait_p50_s"]?.doubleValue == 60)
            #expect(stats["reviews"]?["review_p50_s"]?.doubleValue == 180)
            #expect(stats["reviews"]?["services"]?[service]?["handed_over"]?.intValue == 1)
        }
    }

    @Test func aReturnReachesTheClerkAndThePhone() async throws {
        try await InProcessDaemon.onManualClock(config: Self.config, adjust: { $0.fastSMS() }) { daemon, clock in
            let number = try await daemon.take(#"{"service":"\#(service)","phone":"13800138000"}"#, token: tokens.kiosk)
            for action in ["call", "start", "review"] { _ = try await daemon.send(.post, "/v1/windows/\(clerk.id)/\(action)", token: window) }
            _ = try await daemon.send(.post, "/v1/windows/9/review/next", token: reviewer)
            for bad in [#"{"reason":""}"#, #"{"reason":"这一条退回原因写得实在是太长了超过了二十个字的上限"}"#, #"{}"#] {
                let refused = try await daemon.send(.post, "/v1/windows/9/review/return", token: reviewer, bad)
                #expect(refused.status == 400, "\(bad): \(refused.text)")
            }
            let returned = try await daemon.send(.post, "/v1/windows/9/review/return", token: reviewer, #"{"reason":"缺身份证复印件"}"#)
            #expect(returned.status == 200, "\(returned.text)")
            let callBack = try await daemon.json(.post, "/v1/windows/\(clerk.id)/call", token: window)
            #expect(callBack["window"]?["current"]?["review"]?["reason"]?.stringValue == "缺身份证复印件", "\(callBack)")
            let sms = try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: number).filter { $0.trigger == .reviewReturned }
            #expect(sms.count == 1 && sms.first?.text.contains("缺身份证复印件") == true, "\(sms.map(\.text))")
            // Nothing left to approve; the supervisor's token may act for the reviewer.
            let nothing = try await daemon.send(.post, "/v1/windows/9/review/approve", token: tokens.supervisor)
            let nothingCode = try nothing.json()["error"]?["code"]?.stringValue
            #expect(nothing.status == 409 && nothingCode == "nothing_in_review", "\(nothing.text)")
        }
    }

    /// A service nobody reviews: the hand-off is refused (409 no_reviewer) and the case stays
    /// at the window; a window named in another service's reviewers is a reviewer's window.
    @Test func aServiceWithoutAReviewerIsNotHandedOver() async throws {
        var config = HallConfig.defaultHall
        config.counters.append(CounterConfig(id: "9", name: "审核岗", services: []))
        let clerk = config.counters[0]
        let (reviewed, other) = (clerk.services[0], clerk.services[1])
        let index = try #require(config.services.firstIndex { $0.code == reviewed })
        config.services[index].reviewers = ["9"]
        let tokens = AccessTokens.forTests(config)
        try await InProcessDaemon.onManualClock(config: config, adjust: { $0.fastSMS() }) { daemon, clock in
            let window = tokens.windows[clerk.id]
            let take = try await daemon.send(.post, "/v1/tickets", token: tokens.kiosk, #"{"service":"\#(other)"}"#)
            let number = try #require(try take.json()["ticket"]?.stringValue)
            for action in ["call", "start"] { _ = try await daemon.send(.post, "/v1/windows/\(clerk.id)/\(action)", token: window) }
            let refused = try await daemon.send(.post, "/v1/windows/\(clerk.id)/review", token: window)
            let code = try refused.json()["error"]?["code"]?.stringValue
            #expect(refused.status == 409 && code == "no_reviewer", "\(refused.text)")
            let view = try await daemon.json(.get, "/v1/windows/\(clerk.id)", token: window)
            #expect(view["current"]?["ticket"]?.stringValue == number && view["current"]?["state"]?.stringValue == "serving")
            let reviewer = try await daemon.json(.get, "/v1/windows/9", token: tokens.windows["9"])
            #expect(reviewer["review_queue"]?.intValue == 0, "\(reviewer)")
            #expect(try await daemon.json(.get, "/v1/windows/2", token: tokens.windows["2"])["review_queue"] == nil)
        }
    }
}
