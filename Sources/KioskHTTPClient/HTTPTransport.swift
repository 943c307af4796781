/// Sends one HTTP request and returns the server's answer.
///
/// The port every outbound HTTP caller (the CLI, the SMS gateway adapters) depends on. The live
/// adapter is ``CurlHTTPTransport``; tests of callers can supply a fake.
///
/// Any status the server answers with — 200, 400, 503 — is a response, never an error:
/// ``HTTPTransportError`` only describes requests that got no complete HTTP answer.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and waits for the complete response, within the request's timeouts.
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse
}
