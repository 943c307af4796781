/// Why a request got no complete HTTP response.
///
/// An HTTP error status (400, 503…) is not one of these: it arrives as an ``HTTPResponse``.
/// Callers deciding whether a retry could duplicate a side effect (an SMS sent twice) should
/// read ``requestMayHaveBeenSent``.
public enum HTTPTransportError: Error, Sendable, Hashable {
    /// Nobody accepted the TCP connection (libcurl code 7): the port is closed or the host
    /// unreachable. The request never left.
    case connectionRefused(message: String)
    /// A time limit ran out (libcurl code 28). `requestMayHaveBeenSent` is true when the
    /// connection was up and the request may have reached the server: the outcome is unknown.
    case timeout(requestMayHaveBeenSent: Bool)
    /// The server closed the connection without answering (libcurl code 52).
    case emptyReply
    /// Reading the answer failed, e.g. the connection was reset (libcurl code 56).
    case receiveError(message: String)
    /// The host name did not resolve (libcurl code 6).
    case couldNotResolve(message: String)
    /// The answer's body exceeded the configured maximum, in bytes.
    case responseTooLarge(limitBytes: Int)
    /// The answer's head (status line and header fields) exceeded this many bytes.
    case headTooLarge(limitBytes: Int)
    /// A streamed body arrived faster than it was read, until this many chunks waited unread:
    /// the transfer ends rather than hold an ever-growing backlog in memory.
    case readerFellBehind(limitChunks: Int)
    /// The request was refused before sending: a malformed header, URL or timeout.
    case invalidRequest(reason: String)
    /// The calling task was cancelled.
    case cancelled(requestMayHaveBeenSent: Bool)
    /// The transport was shut down before the request could start.
    case shutDown
    /// Any other libcurl failure: its `CURLcode` and the text of `CURLOPT_ERRORBUFFER`.
    case other(code: Int, message: String)

    /// Whether the server may have received (and acted on) the request.
    ///
    /// False only when we know the request never left: refused, unresolved, rejected locally,
    /// or timed out or cancelled before the connection was up.
    public var requestMayHaveBeenSent: Bool {
        switch self {
        case .connectionRefused, .couldNotResolve, .invalidRequest, .shutDown:
            false
        case .timeout(let sent), .cancelled(let sent):
            sent
        case .emptyReply, .receiveError, .responseTooLarge, .headTooLarge, .readerFellBehind, .other:
            true
        }
    }
}

extension HTTPTransportError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .connectionRefused(let message): "connection refused: \(message)"
        case .timeout(true): "timed out after the request may have been sent"
        case .timeout(false): "timed out before the request was sent"
        case .emptyReply: "server closed the connection without a reply"
        case .receiveError(let message): "receive error: \(message)"
        case .couldNotResolve(let message): "could not resolve host: \(message)"
        case .responseTooLarge(let limit): "response body larger than \(limit) bytes"
        case .headTooLarge(let limit): "response head larger than \(limit) bytes"
        case .readerFellBehind(let limit): "\(limit) chunks of the response waited unread"
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .cancelled: "cancelled"
        case .shutDown: "transport shut down"
        case .other(let code, let message): "libcurl error \(code): \(message)"
        }
    }
}
