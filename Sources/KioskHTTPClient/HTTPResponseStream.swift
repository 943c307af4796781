import Foundation

/// An HTTP answer whose body is read as it arrives (an event stream, a long download).
///
/// Status and headers are known when ``CurlHTTPTransport/stream(_:readTimeout:)`` returns; the
/// body's chunks follow in order. Any status is a response, as with `send`: check `status`
/// before trusting the body. Stop reading (or call ``cancel()``) to end the transfer; so does
/// dropping the last reference to `body`.
public struct HTTPResponseStream: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    /// The body in the chunks the server's writes arrived in; ends when the server ends the
    /// body, throws an ``HTTPTransportError`` when the transfer fails (`timeout` when the read
    /// timeout passed without a byte, `receiveError` for a broken connection).
    public let body: AsyncThrowingStream<Data, any Error>
    let cancellation: CurlCancellation

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Ends the transfer: the connection is closed within about a second (libcurl's progress
    /// interval) and `body` ends.
    public func cancel() {
        cancellation.cancel()
    }
}
