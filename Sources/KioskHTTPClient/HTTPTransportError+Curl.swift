import CCurl

extension HTTPTransportError {
    /// Classifies a failed `curl_easy_perform`.
    ///
    /// - Parameters:
    ///   - message: the error buffer's text, or `curl_easy_strerror` when it is empty.
    ///   - requestStarted: whether the connection was up and the request about to be sent.
    ///   - bodyTooLarge / readTimedOut / cancelled: what our own callbacks aborted for.
    init(
        curlCode code: CURLcode, message: String, requestStarted: Bool,
        bodyTooLarge: Bool, headTooLarge: Bool = false, readTimedOut: Bool = false, cancelled: Bool, maximumBodyBytes: Int
    ) {
        switch code {
        case CURLE_COULDNT_CONNECT:
            self = .connectionRefused(message: message)
        case CURLE_OPERATION_TIMEDOUT:
            self = .timeout(requestMayHaveBeenSent: requestStarted)
        case CURLE_GOT_NOTHING:
            self = .emptyReply
        case CURLE_RECV_ERROR:
            self = .receiveError(message: message)
        case CURLE_COULDNT_RESOLVE_HOST:
            self = .couldNotResolve(message: message)
        case CURLE_WRITE_ERROR where bodyTooLarge:
            self = .responseTooLarge(limitBytes: maximumBodyBytes)
        case CURLE_WRITE_ERROR where headTooLarge:
            self = .headTooLarge(limitBytes: CurlTransferState.maximumHeadBytes)
        case CURLE_ABORTED_BY_CALLBACK where readTimedOut && !cancelled:
            self = .timeout(requestMayHaveBeenSent: requestStarted)
        case CURLE_ABORTED_BY_CALLBACK where cancelled, CURLE_WRITE_ERROR where cancelled:
            self = .cancelled(requestMayHaveBeenSent: requestStarted)
        default:
            self = .other(code: Int(code.rawValue), message: message)
        }
    }
}
