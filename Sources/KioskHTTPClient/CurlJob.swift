/// One request waiting for, or running on, a worker thread.
struct CurlJob: Sendable {
    let request: HTTPRequest
    /// When the whole exchange must be over (the request's `timeout` counted from `send`).
    let deadline: ContinuousClock.Instant
    let cancellation: CurlCancellation
    /// Resumed exactly once, by whoever takes the job out of the queue.
    let continuation: CheckedContinuation<Result<HTTPResponse, HTTPTransportError>, Never>

    func finish(_ result: Result<HTTPResponse, HTTPTransportError>) {
        continuation.resume(returning: result)
    }
}
