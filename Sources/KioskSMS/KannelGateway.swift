import Foundation
import KioskCore
import KioskHTTPClient
import KioskStore

/// Kannel's `sendsms` over HTTP GET: `charset=UTF-8&coding=2` so Chinese text arrives intact,
/// `dlr-mask=31` and a `dlr-url` carrying our message id and its signature for delivery reports.
public struct KannelGateway: SMSGateway {
    public var url: String
    public var username: String
    public var password: String
    public var sender: String?
    let link: HTTPGatewayLink

    public init(
        url: String, username: String, password: String, sender: String?, callback: CallbackAddress,
        timeout: Double, transport: any HTTPTransport, clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.sender = sender
        link = HTTPGatewayLink(callback: callback, timeout: timeout, transport: transport, clock: clock)
    }

    /// The request for `message` (exposed for tests).
    public func request(for message: OutboxMessage) -> HTTPRequest {
        var query: [(String, String)] = [("username", username), ("password", password)]
        if let sender { query.append(("from", sender)) }
        query += [
            ("to", message.phone?.digits ?? ""), ("text", message.text),
            ("charset", "UTF-8"), ("coding", "2"),
        ]
        if let report = link.callback.reportURL(for: message.id) {
            query.append(("dlr-mask", "31"))
            query.append(("dlr-url", report + "&type=%d"))
        }
        return HTTPRequest(method: .get, url: url, query: query, connectTimeout: link.connectTimeout, timeout: link.timeout)
    }

    public func send(_ message: OutboxMessage) async -> SMSSendOutcome {
        await link.send(message, request: request(for:), classify: SMSAnswerClassifier.kannel)
    }
}
