import Foundation
import KioskHTTPClient
import Testing

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func deltaSecondsAreReadAsSeconds() {
        #expect(response(retryAfter: "120").retryAfter(now: now) == 120)
    }

    @Test func httpDateIsMeasuredFromNow() {
        // 1_800_000_000 is 2027-01-15 08:00:00 UTC.
        #expect(response(retryAfter: "Fri, 15 Jan 2027 08:01:30 GMT").retryAfter(now: now) == 90)
    }

    @Test func dateInThePastMeansNoWait() {
        #expect(response(retryAfter: "Thu, 01 Jan 2026 00:00:00 GMT").retryAfter(now: now) == 0)
    }

    @Test(arguments: ["", "soon", "-5", "1.5"])
    func unreadableValueIsIgnored(value: String) {
        #expect(response(retryAfter: value).retryAfter(now: now) == nil)
    }

    @Test func missingHeaderIsNil() {
        #expect(HTTPResponse(status: 503).retryAfter(now: now) == nil)
    }

    private func response(retryAfter: String) -> HTTPResponse {
        HTTPResponse(status: 503, headers: ["Retry-After": retryAfter])
    }
}
