import Foundation
import KioskCore
import KioskHTTPClient
import KioskStore

/// A generic JSON webhook (Twilio-like): POST `{"id","to","text","sender","callback_url"}`
/// with a bearer token; 2xx = accepted, its `id` kept.
public struct WebhookGateway: SMSGateway {
    public var url: String
    public var token: String?
    public var sender: String?
    let link: HTTPGatewayLink

    public init(
        url: String, token: String?, sender: String?, callback: CallbackAddress, timeout: Double,
        transport: any HTTPTransport, clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.url = url
        self.token = token
        self.sender = sender
        link = HTTPGatewayLink(callback: callback, timeout: timeout, transport: transport, clock: clock)
    }

    struct Body: Encodable {
        var id: String
        var to: String
        var text: String
        var sender: String?
        var callback_url: String?
    }

    public func request(for message: OutboxMessage) throws -> HTTPRequest {
        var headers = HTTPHeaders()
        if let token { headers.set(name: "Authorization", value: "Bearer \(token)") }
        // The id doubles as an idempotency key for gateways that honour one.
        headers.set(name: "Idempotency-Key", value: "kiosk-sms-\(message.id)")
        let body = Body(
            id: String(message.id), to: message.phone?.digits ?? "", text: message.text, sender: sender,
            callback_url: link.callback.reportURL(for: message.id)
        )
        return try HTTPRequest.json(.post, url: url, body: body, headers: headers, connectTimeout: link.connectTimeout, timeout: link.timeout)
    }

    public func send(_ message: OutboxMessage) async -> SMSSendOutcome {
        await link.send(message, request: request(for:), classify: SMSAnswerClassifier.webhook)
    }
}
