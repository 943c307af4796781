import Foundation
import KioskHTTPClient

/// Turns a gateway's HTTP answer or a transport failure into accepted / transient / permanent,
/// as the Kannel notes (`shared/kannel/README.md`) lay out.
public enum SMSAnswerClassifier {
    /// Statuses worth retrying: throttled, server trouble, gateway trouble.
    public static let transientStatuses: Set<Int> = [408, 425, 429, 500, 502, 503, 504]

    /// Kannel `sendsms`: 202 `0: Accepted for delivery` and 202 `3: Queued for later delivery`
    /// are success; 400/403 permanent; 500 `Sending failed.`, 503 `Temporal failure` transient.
    public static func kannel(_ response: HTTPResponse, now: Date) -> SMSSendOutcome {
        let answer = String(response.text.prefix(200)).trimmingCharacters(in: .whitespacesAndNewlines)
        if response.isSuccess {
            // Any 2xx means Kannel took it; resending could duplicate. Its code is kept as
            // the gateway id-less answer.
            return .accepted(status: response.status, answer: answer, gatewayID: nil, delivered: false)
        }
        return byStatus(response, answer: answer, now: now)
    }

    /// A JSON webhook: 2xx accepted (its `id`, `message_id` or `sid` kept), the rest by status.
    public static func webhook(_ response: HTTPResponse, now: Date) -> SMSSendOutcome {
        let answer = String(response.text.prefix(200)).trimmingCharacters(in: .whitespacesAndNewlines)
        if response.isSuccess {
            var id: String?
            if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
                for key in ["id", "message_id", "sid"] {
                    if let s = object[key] as? String { id = s; break }
                    if let n = object[key] as? Int { id = String(n); break }
                }
            }
            return .accepted(status: response.status, answer: answer, gatewayID: id, delivered: false)
        }
        return byStatus(response, answer: answer, now: now)
    }

    static func byStatus(_ response: HTTPResponse, answer: String, now: Date) -> SMSSendOutcome {
        if transientStatuses.contains(response.status) || (500...599).contains(response.status) {
            return .transient(status: response.status, answer: answer, retryAfter: response.retryAfter(now: now))
        }
        // 3xx and the other 4xx (400, 401, 403, 404 …): retrying the same request cannot help.
        return .permanent(status: response.status, answer: answer)
    }

    /// No complete answer. Everything the network can do wrong is worth another try, except a
    /// request we built wrong. A timeout after sending is ambiguous: retried anyway (an SMS
    /// twice beats none), which is where duplicates can come from.
    public static func transportFailure(_ error: HTTPTransportError) -> SMSSendOutcome {
        switch error {
        case .invalidRequest, .responseTooLarge, .headTooLarge:
            return .permanent(status: nil, answer: error.description)
        case .connectionRefused, .timeout, .emptyReply, .receiveError, .couldNotResolve, .cancelled, .shutDown, .readerFellBehind, .other:
            return .transient(status: nil, answer: error.description, retryAfter: nil)
        }
    }
}
