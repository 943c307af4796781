import KioskHTTPClient

extension HTTPTransportError {
    /// The case without its message, for tests that expect a kind of failure whose libcurl
    /// wording they should not pin down.
    var caseName: String {
        switch self {
        case .connectionRefused: "connectionRefused"
        case .timeout: "timeout"
        case .emptyReply: "emptyReply"
        case .receiveError: "receiveError"
        case .couldNotResolve: "couldNotResolve"
        case .responseTooLarge: "responseTooLarge"
        case .headTooLarge: "headTooLarge"
        case .readerFellBehind: "readerFellBehind"
        case .invalidRequest: "invalidRequest"
        case .cancelled: "cancelled"
        case .shutDown: "shutDown"
        case .other: "other"
        }
    }
}
