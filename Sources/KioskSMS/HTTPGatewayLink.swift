import Foundation
import KioskHTTPClient
import KioskStore

/// What the gateways reached over HTTP (Kannel, the JSON webhook) hold and do alike: the
/// transport and its timeout, our address for delivery reports, the clock; and one send that
/// refuses a purged number, builds the adapter's request, and classifies the gateway's answer
/// or the transport's failure. An adapter keeps only its request and its answer's classifier.
struct HTTPGatewayLink: Sendable {
    /// Our daemon's base URL as the gateway reaches it and the report signer (no URL or no
    /// signer: no delivery reports asked for).
    var callback: CallbackAddress
    var timeout: Double
    let transport: any HTTPTransport
    let clock: @Sendable () -> Date

    /// Connecting gets at most 5 s of the timeout: a gateway that does not answer the
    /// connection is down, and the message is retried.
    var connectTimeout: Double { min(5, timeout) }

    func send(
        _ message: OutboxMessage, request: (OutboxMessage) throws -> HTTPRequest,
        classify: (HTTPResponse, Date) -> SMSSendOutcome
    ) async -> SMSSendOutcome {
        guard message.phone != nil else { return .permanent(status: nil, answer: "no phone number (purged)") }
        let built: HTTPRequest
        do {
            built = try request(message)
        } catch {
            return .permanent(status: nil, answer: "cannot encode: \(error)")
        }
        do {
            return classify(try await transport.send(built), clock())
        } catch {
            return SMSAnswerClassifier.transportFailure(error)
        }
    }
}
