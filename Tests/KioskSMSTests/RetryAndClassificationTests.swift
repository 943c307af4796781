import Foundation
import KioskHTTPClient
import KioskSMS
import Testing

@Suite("Gateway answers and backoff")
struct RetryAndClassificationTests {
    let now = Date(timeIntervalSince1970: 1_772_400_000)

    @Test(arguments: [
        (202, "0: Accepted for delivery", "accepted"),
        (202, "3: Queued for later delivery", "accepted"),
        (400, "Invalid content-type", "permanent"),
        (403, "Authorization failed for sendsms", "permanent"),
        (403, "Not routable. Do not try again.", "permanent"),
        (500, "Sending failed.", "transient"),
        (503, "Temporal failure, try again later.", "transient"),
        (429, "Too many requests", "transient"),
        (502, "Bad gateway", "transient"),
        (504, "Gateway timeout", "transient"),
    ])
    func kannelAnswers(status: Int, body: String, kind: String) {
        let outcome = SMSAnswerClassifier.kannel(HTTPResponse(status: status, body: Data(body.utf8)), now: now)
        #expect(outcome.kind == kind)
        #expect(SMSAnswerClassifier.webhook(HTTPResponse(status: status, body: Data(body.utf8)), now: now).kind == kind)
    }

    @Test(arguments: [
        (HTTPTransportError.connectionRefused(message: "refused"), "transient"),
        (.timeout(requestMayHaveBeenSent: true), "transient"),
        (.timeout(requestMayHaveBeenSent: false), "transient"),
        (.emptyReply, "transient"),
        (.receiveError(message: "reset"), "transient"),
        (.couldNotResolve(message: "x"), "transient"),
        (.invalidRequest(reason: "bad url"), "permanent"),
    ])
    func transportFailures(error: HTTPTransportError, kind: String) {
        #expect(SMSAnswerClassifier.transportFailure(error).kind == kind)
    }

    @Test func retryAfterIsKept() {
        let response = HTTPResponse(status: 503, headers: ["Retry-After": "7"], body: Data("busy".utf8))
        #expect(SMSAnswerClassifier.kannel(response, now: now) == .transient(status: 503, answer: "busy", retryAfter: 7))
    }

    @Test func webhookKeepsTheGatewayID() {
        let response = HTTPResponse(status: 201, body: Data(#"{"id":"SM123","status":"queued"}"#.utf8))
        #expect(SMSAnswerClassifier.webhook(response, now: now) == .accepted(status: 201, answer: #"{"id":"SM123","status":"queued"}"#, gatewayID: "SM123", delivered: false))
    }

    @Test func backoffIsExponentialBoundedAndJittered() {
        let policy = RetryPolicy(base: 2, cap: 60, maxRetryAfter: 300, maxAttempts: 8)
        #expect((1...10).map { policy.ceiling(afterAttempt: $0) } == [2, 4, 8, 16, 32, 60, 60, 60, 60, 60])
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0) == 0)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0.5) == 4)
        for attempt in 1...40 {
            let d = policy.delay(afterAttempt: attempt, retryAfter: nil)
            #expect(d >= 0 && d <= 60)
        }
        // Full jitter spreads retries: 200 draws are not all alike.
        let draws = Set((0..<200).map { _ in policy.delay(afterAttempt: 5, retryAfter: nil) })
        #expect(draws.count > 100)
    }

    @Test func backoffHonoursRetryAfterUpToItsCap() {
        let policy = RetryPolicy(base: 2, cap: 60, maxRetryAfter: 300, maxAttempts: 8)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 30, unit: 0.9) == 30)
        #expect(policy.delay(afterAttempt: 6, retryAfter: 1, unit: 0.5) == 30)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3600, unit: 0) == 300)
    }
}
