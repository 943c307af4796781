import Foundation
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// `/v1/sms/mo` on its own (the log gateway, no Kannel): the key, bad input, the empty answer
/// and the per-number limit.
@Suite("SMS reply route", .serialized)
struct ReplyRouteTests {
    @Test func repliesNeedTheKeyAnswerEmptyAndAreLimitedPerNumber() async throws {
        var config = HallConfig.defaultHall
        config.reply = ReplySettings(enabled: true, maxPerNumber: 2, rateWindowSeconds: 600)
        let counter = config.counters[0]
        let tokens = AccessTokens.forTests(config)
        let dataDirectory = NSTemporaryDirectory() + "kiosk-reply-route-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let clock = ManualClock(QueueEngine(config: config).calendar.instant(on: SMSFixture.date, at: ClockTime("09:00")!))
        let options = KioskDaemon.Options.forSMSTests(config: config, dataDirectory: dataDirectory, clock: { clock.now })
        try await InProcessDaemon.with(options) { daemon in
            let http = CurlHTTPTransport()
            func get(_ path: String) async throws -> HTTPResponse {
                try await http.send(HTTPRequest(method: .get, url: daemon.base + path))
            }
            let key = try ReplyKey.loadOrCreate(dataDirectory: dataDirectory).text
            var headers = HTTPHeaders()
            headers.add(name: "Authorization", value: "Bearer \(tokens.kiosk)")
            headers.add(name: "Content-Type", value: "application/json")
            let take = try await http.send(HTTPRequest(
                method: .post, url: daemon.base + "/v1/tickets", headers: headers,
                body: Data(#"{"service":"\#(counter.services[0])","phone":"13800138000"}"#.utf8)
            ))
            let number = try #require(JSONParser.parse(take.text).value["ticket"]?.stringValue)

            #expect(try await get("/v1/sms/mo?from=13800138000&text=1").status == 403)
            #expect(try await get("/v1/sms/mo?from=13800138000&text=1&key=").status == 403)
            let noSender = try await get("/v1/sms/mo?text=1&key=\(key)")
            #expect(noSender.status == 400 && noSender.text.contains("bad_sender"))
            let tooLong = try await get("/v1/sms/mo?from=13800138000&key=\(key)&text=" + String(repeating: "x", count: 1001))
            #expect(tooLong.status == 400 && tooLong.text.contains("bad_text"))
            // A sender that is no mainland mobile number: taken, nothing done.
            let landline = try await get("/v1/sms/mo?from=02512345678&text=1&key=\(key)")
            #expect(landline.status == 200 && landline.body.isEmpty)
            #expect(try await daemon.hall.read { $0.tickets[number]?.acknowledged } == false)

            for _ in 0..<3 {
                let answer = try await get("/v1/sms/mo?from=%2B8613800138000&text=hi&key=\(key)")
                #expect(answer.status == 200 && answer.body.isEmpty, "\(answer.text)")
            }
            let metrics = try await get("/metrics").text
            #expect(metrics.contains(#"kiosk_sms_replies_total{outcome="help_sent"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"kiosk_sms_replies_total{outcome="help_already_sent"} 1"#))
            #expect(metrics.contains(#"kiosk_sms_replies_total{outcome="rate_limited"} 1"#))
            #expect(metrics.contains(#"kiosk_refused_total{reason="bad_reply_key"} 2"#))
            let help = try daemon.daemon.store.outboxMessages(date: SMSFixture.date, ticket: number).filter { $0.trigger == .replyHelp }
            #expect(help.count == 1 && help.first?.phone?.digits == "13800138000")

            // Ten minutes on, the number may answer again: "1" acknowledges, as the public status shows.
            clock.advance(by: 601)
            #expect(try await get("/v1/sms/mo?from=13800138000&text=%EF%BC%91&key=\(key)").status == 200)
            #expect(try JSONParser.parse(try await get("/v1/tickets/\(number)").text).value["acknowledged"]?.boolValue == true)
        }
    }
}
