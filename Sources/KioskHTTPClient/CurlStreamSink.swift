import Foundation
import Synchronization

/// Where a streaming transfer's stream thread hands over what arrives: the head once (which
/// resumes the caller of ``CurlHTTPTransport/stream(_:readTimeout:)``), then the body chunks
/// into the response's `AsyncThrowingStream`, then how the transfer ended.
final class CurlStreamSink: Sendable {
    typealias Head = (status: Int, headers: HTTPHeaders)

    /// Resumed exactly once: with the head, or with why there is none.
    private let head: Mutex<CheckedContinuation<Result<Head, HTTPTransportError>, Never>?>
    private let chunks: AsyncThrowingStream<Data, any Error>.Continuation
    private let cancellation: CurlCancellation

    init(
        head: CheckedContinuation<Result<Head, HTTPTransportError>, Never>,
        chunks: AsyncThrowingStream<Data, any Error>.Continuation, cancellation: CurlCancellation
    ) {
        self.head = Mutex(head)
        self.chunks = chunks
        self.cancellation = cancellation
    }

    /// The final response's head is complete: the caller may start reading the body.
    func open(status: Int, headers: HTTPHeaders) {
        head.withLock { $0.take() }?.resume(returning: .success((status, headers)))
    }

    /// Body chunks that may wait unread (libcurl hands over at most 16 KiB at a time, so a few
    /// megabytes) before the transfer ends with `readerFellBehind`.
    static let chunksKept = 256

    /// One body chunk; false when nobody reads any more, or the reader fell `chunksKept`
    /// behind (the transfer then stops; the reader gets what waited, then the error).
    func deliver(_ chunk: Data) -> Bool {
        switch chunks.yield(chunk) {
        case .enqueued:
            return true
        case .dropped:
            chunks.finish(throwing: HTTPTransportError.readerFellBehind(limitChunks: Self.chunksKept))
            cancellation.cancel()
            return false
        case .terminated:
            cancellation.cancel()
            return false
        @unknown default:
            cancellation.cancel()
            return false
        }
    }

    /// The transfer is over: the body ends, or fails with `outcome`'s error. A transfer that
    /// failed before its head fails the caller of `stream` instead.
    func close(_ outcome: Result<Void, HTTPTransportError>) {
        if let waiting = head.withLock({ $0.take() }) {
            switch outcome {
            case .failure(let error): waiting.resume(returning: .failure(error))
            // libcurl reports success only after a head; answer honestly if it ever does not.
            case .success: waiting.resume(returning: .failure(.emptyReply))
            }
            chunks.finish()
            return
        }
        switch outcome {
        case .success: chunks.finish()
        case .failure(let error): chunks.finish(throwing: error)
        }
    }
}
