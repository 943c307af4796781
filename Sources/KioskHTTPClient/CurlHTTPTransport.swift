/// The live ``HTTPTransport``: libcurl easy handles on a few dedicated threads.
///
/// Create one per process and share it (it is `Sendable`); each worker keeps its connections
/// open between requests. `send` suspends the calling task without blocking a cooperative
/// thread; the blocking `curl_easy_perform` runs on the transport's own threads.
/// Cancelling the calling task cancels the request.
public final class CurlHTTPTransport: HTTPTransport {
    public let configuration: Configuration
    private let pool: CurlWorkerPool

    public init(configuration: Configuration = Configuration()) {
        // libcurl is initialised (and opened) by the first send, not here: the daemon makes a
        // transport for SMS whether or not it ever sends one (issue 17, goal 3). The workers
        // touch libcurl only for a job, and a job is queued only after that initialisation.
        self.configuration = configuration
        self.pool = CurlWorkerPool(configuration: configuration)
    }

    deinit {
        pool.shutdown()
    }

    public func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        if let failure = CurlGlobal.ensureInitialized() { throw failure }
        try request.validate()
        let deadline = ContinuousClock.now + .seconds(request.timeout)
        let cancellation = CurlCancellation()
        let pool = self.pool
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                pool.submit(CurlJob(
                    request: request, deadline: deadline,
                    cancellation: cancellation, continuation: continuation
                ))
            }
        } onCancel: {
            pool.cancel(cancellation)
        }
        return try result.get()
    }

    /// Refuses new requests; queued and running ones finish, then the worker threads exit.
    /// Called automatically when the transport is released.
    public func shutdown() {
        pool.shutdown()
    }
}
