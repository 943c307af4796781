import KioskHTTPClient
import Testing

@Suite struct HTTPTransportErrorTests {
    @Test(arguments: [
        (HTTPTransportError.connectionRefused(message: ""), false),
        (.couldNotResolve(message: ""), false),
        (.invalidRequest(reason: ""), false),
        (.shutDown, false),
        (.timeout(requestMayHaveBeenSent: false), false),
        (.timeout(requestMayHaveBeenSent: true), true),
        (.cancelled(requestMayHaveBeenSent: false), false),
        (.cancelled(requestMayHaveBeenSent: true), true),
        (.emptyReply, true),
        (.receiveError(message: ""), true),
        (.responseTooLarge(limitBytes: 1), true),
        (.other(code: 35, message: ""), true),
    ])
    func onlyFailuresBeforeSendingAreKnownUnsent(error: HTTPTransportError, maySend: Bool) {
        #expect(error.requestMayHaveBeenSent == maySend)
    }
}
