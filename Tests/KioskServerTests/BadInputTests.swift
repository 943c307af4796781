import Foundation
import KioskCore
import KioskHTTPClient
import KioskTestSupport
import Testing

/// A request the daemon must refuse with a specific 4xx code, changing nothing.
struct BadRequest: Sendable, CustomTestStringConvertible {
    var name: String
    var method: HTTPMethod = .post
    var path: String
    var caller: Caller
    var body: String?
    var contentType = "application/json"
    var headers: [(String, String)] = []
    var status: Int
    var code: String

    var testDescription: String { name }

    /// Run against a hall where A001 and A002 wait and window 1 has just called A001
    /// (so window 1 is busy and window 2 idle).
    static let all: [BadRequest] = [
        // The body: shape, fields, types, size, media type.
        BadRequest(name: "unknown field", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","colour":"red"}"#, status: 400, code: "unknown_field"),
        BadRequest(name: "unknown field on a command without fields", path: "/v1/windows/2/call", caller: .window("2"), body: #"{"urgent":true}"#, status: 400, code: "unknown_field"),
        BadRequest(name: "service as a number", path: "/v1/tickets", caller: .kiosk, body: #"{"service":1}"#, status: 400, code: "invalid_field"),
        BadRequest(name: "priority as a string", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","priority":"yes"}"#, status: 400, code: "invalid_field"),
        BadRequest(name: "phone as a number", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","phone":13800138000}"#, status: 400, code: "invalid_field"),
        BadRequest(name: "covered as a number", path: "/v1/windows/1/cover", caller: .supervisor, body: #"{"covered":3}"#, status: 400, code: "invalid_field"),
        BadRequest(name: "service too long", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"ABCDEFGHIJ"}"#, status: 400, code: "invalid_field"),
        BadRequest(name: "missing service", path: "/v1/tickets", caller: .kiosk, body: "{}", status: 400, code: "missing_field"),
        BadRequest(name: "missing ticket for an out-of-order call", path: "/v1/windows/2/call-ticket", caller: .supervisor, body: "{}", status: 400, code: "missing_field"),
        BadRequest(name: "invalid JSON", path: "/v1/tickets", caller: .kiosk, body: #"{"service": "A""#, status: 400, code: "invalid_json"),
        BadRequest(name: "trailing garbage after JSON", path: "/v1/tickets", caller: .kiosk, body: #"{"service": "A"} x"#, status: 400, code: "invalid_json"),
        BadRequest(name: "JSON that is not an object", path: "/v1/tickets", caller: .kiosk, body: #"["A"]"#, status: 400, code: "invalid_body"),
        BadRequest(
            name: "body over 16 KiB", path: "/v1/tickets", caller: .kiosk,
            body: #"{"service":"A","phone":""# + String(repeating: "1", count: 17 * 1024) + #""}"#, status: 413, code: "body_too_large"
        ),
        BadRequest(name: "text/plain body", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A"}"#, contentType: "text/plain", status: 415, code: "unsupported_media_type"),
        BadRequest(name: "form body", path: "/v1/windows/2/call", caller: .window("2"), body: "a=1", contentType: "application/x-www-form-urlencoded", status: 415, code: "unsupported_media_type"),
        // Phones: mainland mobile, 1[3-9] + 9 digits, optional +86.
        BadRequest(name: "phone starting 12", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","phone":"12800138000"}"#, status: 400, code: "invalid_phone"),
        BadRequest(name: "phone with 10 digits", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","phone":"1380013800"}"#, status: 400, code: "invalid_phone"),
        BadRequest(name: "phone with letters", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","phone":"1380013800O"}"#, status: 400, code: "invalid_phone"),
        BadRequest(name: "phone with a foreign prefix", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","phone":"+4413800138000"}"#, status: 400, code: "invalid_phone"),
        BadRequest(name: "malformed caretaker phone", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"A","caretaker_phone":"110"}"#, status: 400, code: "invalid_phone"),
        // Things that do not exist.
        BadRequest(name: "unknown service", path: "/v1/tickets", caller: .kiosk, body: #"{"service":"Z"}"#, status: 404, code: "unknown_service"),
        BadRequest(name: "transfer to an unknown service", path: "/v1/windows/1/transfer", caller: .window("1"), body: #"{"service":"Z"}"#, status: 404, code: "unknown_service"),
        BadRequest(name: "close an unknown service", path: "/v1/services/Z/close", caller: .supervisor, status: 404, code: "unknown_service"),
        BadRequest(name: "unknown window", path: "/v1/windows/99/call", caller: .supervisor, status: 404, code: "unknown_counter"),
        BadRequest(name: "cover an unknown window", path: "/v1/windows/2/cover", caller: .supervisor, body: #"{"covered":"99"}"#, status: 404, code: "unknown_counter"),
        BadRequest(name: "ticket number too short in the path", method: .get, path: "/v1/tickets/A1", caller: .anonymous, status: 404, code: "unknown_ticket"),
        BadRequest(name: "ticket number without a letter", method: .get, path: "/v1/tickets/1234", caller: .anonymous, status: 404, code: "unknown_ticket"),
        BadRequest(name: "ticket number too long", path: "/v1/tickets/A0001/reactivate", caller: .supervisor, status: 404, code: "unknown_ticket"),
        BadRequest(name: "ticket number with symbols", path: "/v1/tickets/A%2F1/cancel", caller: .kiosk, status: 404, code: "unknown_ticket"),
        BadRequest(name: "ticket not issued today", method: .get, path: "/v1/tickets/A999", caller: .anonymous, status: 404, code: "unknown_ticket"),
        BadRequest(name: "out-of-order call of a ticket not issued", path: "/v1/windows/2/call-ticket", caller: .supervisor, body: #"{"ticket":"B007"}"#, status: 404, code: "unknown_ticket"),
        BadRequest(name: "unknown route", method: .get, path: "/v1/nothing-here", caller: .supervisor, status: 404, code: "not_found"),
        // Illegal transitions: the hall's state says no.
        BadRequest(name: "call at a busy window", path: "/v1/windows/1/call", caller: .window("1"), status: 409, code: "counter_busy"),
        BadRequest(name: "finish a ticket not yet started", path: "/v1/windows/1/finish", caller: .window("1"), status: 409, code: "invalid_transition"),
        BadRequest(name: "finish at an idle window", path: "/v1/windows/2/finish", caller: .window("2"), status: 409, code: "counter_idle"),
        BadRequest(name: "recall at an idle window", path: "/v1/windows/2/recall", caller: .window("2"), status: 409, code: "counter_idle"),
        BadRequest(name: "transfer to the same service", path: "/v1/windows/1/transfer", caller: .window("1"), body: #"{"service":"A"}"#, status: 409, code: "same_service"),
        BadRequest(name: "unpark a ticket not parked", path: "/v1/windows/2/unpark", caller: .window("2"), body: #"{"ticket":"A002"}"#, status: 409, code: "not_parked_here"),
        BadRequest(name: "cancel a called ticket", path: "/v1/tickets/A001/cancel", caller: .kiosk, status: 409, code: "invalid_transition"),
        BadRequest(name: "reactivate a waiting ticket", path: "/v1/tickets/A002/reactivate", caller: .supervisor, status: 409, code: "invalid_transition"),
        BadRequest(name: "out-of-order call at a window that does not serve it", path: "/v1/windows/6/call-ticket", caller: .supervisor, body: #"{"ticket":"A002"}"#, status: 409, code: "counter_does_not_serve"),
        BadRequest(name: "call with nobody waiting", path: "/v1/windows/6/call", caller: .window("6"), status: 409, code: "no_ticket_waiting"),
        BadRequest(name: "resume a window not paused", path: "/v1/windows/2/resume", caller: .window("2"), status: 409, code: "counter_not_paused"),
        BadRequest(name: "open a window already open", path: "/v1/windows/2/open", caller: .supervisor, status: 409, code: "counter_already_open"),
        BadRequest(name: "close a busy window", path: "/v1/windows/1/close", caller: .supervisor, status: 409, code: "counter_busy"),
        BadRequest(name: "a window covers itself", path: "/v1/windows/2/cover", caller: .supervisor, body: #"{"covered":"2"}"#, status: 409, code: "cannot_cover_itself"),
        BadRequest(name: "uncover without a cover", path: "/v1/windows/2/uncover", caller: .supervisor, status: 409, code: "not_covering"),
        BadRequest(name: "reopen a service that is open", path: "/v1/services/A/reopen", caller: .supervisor, status: 409, code: "service_not_closed"),
        BadRequest(name: "pause at a busy window", path: "/v1/windows/1/pause", caller: .window("1"), status: 409, code: "counter_busy"),
        BadRequest(name: "pause until a time already past", path: "/v1/windows/2/pause", caller: .window("2"), body: #"{"until":"08:30"}"#, status: 409, code: "return_time_in_past"),
        BadRequest(name: "pause until a time that is no time", path: "/v1/windows/2/pause", caller: .window("2"), body: #"{"until":"25:99"}"#, status: 400, code: "invalid_field"),
        // Query and headers.
        BadRequest(name: "Last-Event-ID not a number", method: .get, path: "/v1/events", caller: .display, headers: [("Last-Event-ID", "abc")], status: 400, code: "invalid_event_id"),
        BadRequest(name: "Last-Event-ID negative", method: .get, path: "/v1/events", caller: .display, headers: [("Last-Event-ID", "-1")], status: 400, code: "invalid_event_id"),
        BadRequest(name: "Last-Event-ID beyond Int64", method: .get, path: "/v1/events", caller: .display, headers: [("Last-Event-ID", "99999999999999999999")], status: 400, code: "invalid_event_id"),
        BadRequest(name: "after= not an integer", method: .get, path: "/v1/events?after=1.5", caller: .display, status: 400, code: "invalid_event_id"),
        BadRequest(name: "start= not now", method: .get, path: "/v1/events?start=yesterday", caller: .display, status: 400, code: "invalid_start"),
        BadRequest(name: "export date not a date", method: .get, path: "/v1/export?date=yesterday", caller: .admin, status: 400, code: "invalid_date"),
        BadRequest(name: "export date impossible", method: .get, path: "/v1/export?date=2026-02-30", caller: .admin, status: 400, code: "invalid_date"),
    ]
}

@Suite(.timeLimit(.minutes(2)))
struct BadInputTests {
    @Test(arguments: BadRequest.all)
    func badInputIsRefusedWithItsCodeAndChangesNothing(_ bad: BadRequest) async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            for _ in 1...2 { #expect(try await api.take("A").status == 201) }
            #expect(try await api.window("1", "call").status == 200)
            let before = try daemon.journalEvents()
            let stateBefore = await daemon.hall.state

            let answer = try await api.send(
                bad.method, bad.path, as: bad.caller, body: bad.body.map { Data($0.utf8) }, contentType: bad.contentType, headers: bad.headers
            )
            expectError(answer, bad.status, bad.code)
            #expect(answer.status < 500)

            #expect(try daemon.journalEvents() == before, "nothing half-applied")
            #expect(await daemon.hall.state == stateBefore)
            // And the daemon still works.
            #expect(try await api.get("/healthz").status == 200)
        }
    }

    @Test func manyBadRequestsInARowNeverProduceA5xxAndLeaveTheJournalAlone() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            let before = try daemon.journal.lastSeq()
            var rng = SplitMix64(seed: 0x5eed)
            let fragments = ["{", "}", "\"service\"", ":", "\"A\"", ",", "\"phone\"", "\"1380013800\"", "null", "[", "]", "1", "true", "\"\\u0000\"", "\u{FFFF}", "\"priority\""]
            for _ in 0..<200 {
                let body = (0..<Int.random(in: 1...8, using: &rng)).map { _ in fragments.randomElement(using: &rng)! }.joined()
                if (try? JSONParser.parse(body))?.value["service"]?.stringValue != nil {
                    continue   // might be a valid take; not what this test is about
                }
                let answer = try await api.send(.post, "/v1/tickets", as: .kiosk, body: Data(body.utf8))
                #expect((400..<500).contains(answer.status), "\(body) → \(answer.status) \(answer.text)")
                expectErrorShape(answer)
            }
            #expect(try daemon.journal.lastSeq() == before)
        }
    }
}
