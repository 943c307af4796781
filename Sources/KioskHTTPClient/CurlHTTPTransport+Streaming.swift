import CCurl
import Foundation

extension CurlHTTPTransport {
    /// Sends `request` and returns as soon as the response's head has arrived; the body is
    /// then read from the answer's `body` as the server writes it.
    ///
    /// Each stream runs `curl_easy_perform` on a thread of its own (named `kiosk.http.stream`),
    /// never on the cooperative pool and never on one of the request workers: a stream lasts
    /// as long as both ends want it and would starve ordinary requests of a worker.
    ///
    /// - Parameters:
    ///   - request: its `connectTimeout` applies, and its `timeout` bounds the wait for the
    ///     response's head (not the body: a stream has no end we could know).
    ///   - readTimeout: the longest time without a single byte (head or body) before the
    ///     transfer fails with `timeout`; nil waits as long as the connection lives. Noticed
    ///     within about a second of passing.
    /// - Throws: why no head arrived; cancelling the calling task cancels the request.
    public func stream(_ request: HTTPRequest, readTimeout: Duration? = nil) async throws(HTTPTransportError) -> HTTPResponseStream {
        if let failure = CurlGlobal.ensureInitialized() { throw failure }
        try request.validate()
        let headDeadline = ContinuousClock.now + .seconds(request.timeout)
        let cancellation = CurlCancellation()
        let (body, chunks) = AsyncThrowingStream<Data, any Error>.makeStream(bufferingPolicy: .bufferingOldest(CurlStreamSink.chunksKept))
        // The reader stopped (or dropped the stream): the stream thread aborts the transfer.
        chunks.onTermination = { _ in cancellation.cancel() }
        let configuration = self.configuration
        let head = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let sink = CurlStreamSink(head: continuation, chunks: chunks, cancellation: cancellation)
                let thread = Thread {
                    guard let easy = CurlEasyHandle(configuration: configuration) else {
                        sink.close(.failure(.other(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed")))
                        return
                    }
                    easy.stream(request, to: sink, cancellation: cancellation, readTimeout: readTimeout, headDeadline: headDeadline)
                }
                thread.name = "kiosk.http.stream"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        let (status, headers) = try head.get()
        return HTTPResponseStream(status: status, headers: headers, body: body, cancellation: cancellation)
    }
}
