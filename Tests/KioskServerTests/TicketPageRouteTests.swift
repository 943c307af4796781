import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// The citizen's ticket page through the daemon (its browser test is Tests/browser): the key,
/// the live stream, the rating from the phone.
@Suite(.timeLimit(.minutes(2)))
struct TicketPageRouteTests {
    static func pageURL(_ issued: APIResponse) throws -> String {
        try #require(issued.json?["page_url"]?.stringValue)
    }

    @Test func everyIssueAnswerCarriesItsPageAndOnlyItsKeyOpensIt() async throws {
        var config = HallConfig.defaultHall
        config.publicURL = "https://q.example.gov.cn"
        try await TestDaemon.with(config: config, at: "09:00") { daemon in
            let first = try await daemon.client.take("A")
            let page = try Self.pageURL(first)
            #expect(page.wholeMatch(of: /\/t\/2026-03-02\/A001\?k=[0-9a-f]{20}/) != nil, "\(page)")
            #expect(first.json?["public_page_url"]?.stringValue == "https://q.example.gov.cn" + page)
            let other = try Self.pageURL(try await daemon.client.take("A"))
            #expect(other.split(separator: "=").last != page.split(separator: "=").last)

            let opened = try await daemon.client.get(page)
            #expect(opened.status == 200)
            #expect(opened.contentType == "text/html; charset=utf-8")
            #expect(opened.headers["Content-Security-Policy"]?.hasPrefix("default-src 'none'; script-src 'self'") == true)
            #expect(opened.headers["Referrer-Policy"] == "no-referrer")
            #expect(opened.text.contains("A001"))
            let key = String(page.split(separator: "=").last!)
            for wrong in [
                "/t/2026-03-02/A001", "/t/2026-03-02/A001?k=", "/t/2026-03-02/A002?k=\(key)", "/t/2026-03-03/A001?k=\(key)",
                "/t/2026-03-02/a001?k=\(key.uppercased())", "/t/today/A001?k=\(key)", "/t/2026-03-02/A1?k=\(key)",
            ] {
                let refused = try await daemon.client.get(wrong)
                #expect(refused.status == 404, "\(wrong)")
                #expect(!refused.text.contains("A001") && !refused.text.contains("A002"), "\(wrong)")
            }
            // The same key after a retried issue (the same ticket, the same page).
            let retried = try await daemon.client.send(
                .post, "/v1/tickets", as: .kiosk, body: Data(#"{"service":"B"}"#.utf8), headers: [("Idempotency-Key", "k-1")]
            )
            let again = try await daemon.client.send(
                .post, "/v1/tickets", as: .kiosk, body: Data(#"{"service":"B"}"#.utf8), headers: [("Idempotency-Key", "k-1")]
            )
            #expect(try Self.pageURL(retried) == (try Self.pageURL(again)))
        }
    }

    @Test func theStreamSendsTheTicketsViewWhenItChangesAndNothingElse() async throws {
        try await TestDaemon.with(at: "09:00") { daemon in
            _ = try await daemon.client.take("A")
            let page = try Self.pageURL(try await daemon.client.take("A"))
            let events = page.replacingOccurrences(of: "?k=", with: "/events?k=")
            let stream = try await EventStreamConnection.open(port: daemon.running.port, path: events, token: nil)
            defer { stream.close() }
            #expect(stream.status == 200)
            try await stream.read(events: 1, named: "ticket")
            #expect(try await daemon.client.window("1", "call").status == 200)   // A001: one fewer ahead
            try await stream.read(events: 2, named: "ticket")
            #expect(try await daemon.client.window("2", "call").status == 200)   // A002 at window 2
            try await stream.read(events: 3, named: "ticket")
            let views = try stream.events.map { try JSONParser.parse($0.data).value }
            // Called, it has nobody ahead any more: the field is gone.
            #expect(views.map { $0["ticket"]?["people_ahead"]?.intValue } == [1, 0, nil])
            #expect(views.last?["ticket"]?["state"] == "called")
            #expect(views.last?["ticket"]?["counter_name"] == "2号窗口")
            #expect(views.last?["html"]?.stringValue?.contains("请到 <strong id=\"window\">2号窗口</strong>") == true)
            for view in views {
                #expect(view["ticket"]?["ticket"] == "A002")
                #expect(view["ticket"]?["priority"] == nil)
            }
            let refused = try await daemon.client.get(events.replacingOccurrences(of: "k=", with: "k=0"))
            #expect(refused.status == 404)
        }
    }

    @Test func thePhoneRatesOnceUntilTheDayEndsForTheWindowThatFinished() async throws {
        try await TestDaemon.with(at: "08:00") { daemon in
            let api = daemon.client
            let page = try Self.pageURL(try await api.take("A"))
            let rating = page.replacingOccurrences(of: "?k=", with: "/rating?k=")
            func rate(_ form: String, at path: String? = nil) async throws -> APIResponse {
                try await api.send(.post, path ?? rating, body: Data(form.utf8), contentType: "application/x-www-form-urlencoded")
            }
            #expect(try await rate("score=5").status == 409)   // not finished yet
            daemon.clock.advance(by: 60)
            #expect(try await api.window("2", "call").status == 200)
            #expect(try await api.window("2", "start").status == 200)
            #expect(try await api.window("2", "finish").status == 200)
            // Hours later: the pad's ten minutes are long gone, the page's rating is open.
            daemon.clock.advance(by: 4 * 3600)
            for bad in ["score=0", "score=6", "score=", "", "score=five"] {
                #expect(try await rate(bad).status == 400, "\(bad)")
            }
            #expect(try await rate("score=5", at: rating.replacingOccurrences(of: "k=", with: "k=f")).status == 404)
            let rated = try await rate("score=2")
            #expect(rated.status == 303)
            #expect(rated.headers["Location"] == page)
            let second = try await rate("score=5")
            #expect(second.status == 409)
            #expect(second.text.contains("已经评价过"))
            let events = try daemon.journalEvents().map(\.event.kind)
            #expect(events.filter { if case .rated = $0 { true } else { false } } == [.rated(ticket: "A001", counter: "2", service: "A", score: 2, reason: nil)])
            // A 差评 from the phone opens a follow-up, as the pad's does.
            let followUps = try await api.get("/v1/ratings/followups", as: .supervisor)
            guard case let .array(items)? = followUps.json?["followups"] else { Issue.record("no follow-ups: \(followUps.text)"); return }
            #expect(items.map { $0["ticket"] } == ["A001"])
            #expect(try await api.get(page).text.contains("谢谢您的评价：不满意"))
        }
    }

    @Test func aPageKeyIsTheSameAfterARestartAndDiffersPerTicketAndDay() throws {
        let directory = NSTemporaryDirectory() + "kiosk-page-keys-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let keys = try TicketPageKeys.loadOrCreate(dataDirectory: directory)
        let again = try TicketPageKeys.loadOrCreate(dataDirectory: directory)
        let monday = BusinessDate(year: 2026, month: 3, day: 2), tuesday = BusinessDate(year: 2026, month: 3, day: 3)
        let key = keys.key(date: monday, ticket: "A001")
        #expect(key.count == 20)
        #expect(again.key(date: monday, ticket: "A001") == key)
        #expect(keys.key(date: tuesday, ticket: "A001") != key)
        #expect(keys.key(date: monday, ticket: "A002") != key)
        #expect(keys.isValid(key, date: monday, ticket: "A001"))
        #expect(!keys.isValid(key, date: monday, ticket: "A002"))
        #expect(!keys.isValid(String(key.dropLast()), date: monday, ticket: "A001"))
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/page.key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // Another hall's secret makes other keys.
        #expect(TicketPageKeys(secret: Array(repeating: 7, count: 32)).key(date: monday, ticket: "A001") != key)
    }
}
