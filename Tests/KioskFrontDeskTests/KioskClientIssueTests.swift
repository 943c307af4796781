import Foundation
import KioskAPI
import KioskFrontDesk
import KioskHTTPClient
import Synchronization
import Testing

/// The ticket machine's issue: one key per citizen's action, the same key on every retry, and
/// a wait longer than the journal's 10 s busy wait.
@Suite struct KioskClientIssueTests {
    /// Times out the first `failures` requests (as a stalled commit would), then answers 201.
    final class StallingTransport: HTTPTransport {
        let failures: Int
        let seen = Mutex<[HTTPRequest]>([])

        init(failures: Int) { self.failures = failures }

        func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
            let count = seen.withLock { $0.append(request); return $0.count }
            if count <= failures { throw .timeout(requestMayHaveBeenSent: true) }
            let body = #"{"ticket":"A002","service":"A","service_name":"求职登记","priority":false,"state":"waiting","issued_at":"09:00:00","people_ahead":1,"documents":[],"status_url":"/v1/tickets/A002"}"#
            return HTTPResponse(status: 201, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
    }

    @Test func aLostAnswerIsRetriedWithTheSameKeyAndAWaitLongerThanTheJournals() async {
        let transport = StallingTransport(failures: 2)
        let client = KioskClient(server: "http://127.0.0.1:9", transport: transport)
        let answer = await client.issue(IssueTicketRequest(service: "A"), token: "kiosk-token")
        let requests = transport.seen.withLock { $0 }
        #expect(requests.count == 3)
        let keys = requests.map { $0.headers["Idempotency-Key"] }
        #expect(keys.allSatisfy { $0 != nil && $0 == keys[0] }, "\(keys)")
        #expect(requests.allSatisfy { $0.timeout > 10 }, "the journal waits up to 10 s for a lock")
        if case let .ok(issued) = answer {
            #expect(issued.ticket.ticket == "A002")
        } else {
            Issue.record("expected the ticket, got \(answer)")
        }
    }

    @Test func eachCitizensActionHasAKeyOfItsOwn() async {
        let transport = StallingTransport(failures: 0)
        let client = KioskClient(server: "http://127.0.0.1:9", transport: transport)
        _ = await client.issue(IssueTicketRequest(service: "A"), token: nil)
        _ = await client.issue(IssueTicketRequest(service: "A"), token: nil)
        let keys = transport.seen.withLock { $0.map { $0.headers["Idempotency-Key"] } }
        #expect(keys.count == 2 && keys[0] != nil && keys[0] != keys[1])
    }
}
