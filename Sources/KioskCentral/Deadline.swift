import Synchronization

/// Runs `body` but gives up on it after `seconds`: a centre that stops answering (a server
/// gone mid-conversation, a network that drops packets without a word) must not hold the
/// shipper, or a command, forever. The abandoned work is cancelled and left to end on its own.
enum Deadline {
    /// The one continuation, resumed by whichever comes first: the work or the deadline.
    private final class Once<T: Sendable>: Sendable {
        private let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)

        func set(_ continuation: CheckedContinuation<T, any Error>) { waiting.withLock { $0 = continuation } }

        /// Resumes with `result` if nobody did; true if this call did.
        @discardableResult
        func resume(with result: Result<T, any Error>) -> Bool {
            guard let continuation = waiting.withLock({ $0.take() }) else { return false }
            continuation.resume(with: result)
            return true
        }
    }

    static func run<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let once = Once<T>()
        let work = Task { try await body() }
        // Cancelling the caller (a graceful shutdown) gives up at once too.
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                once.set(continuation)
                let timer = Task {
                    try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                    if once.resume(with: .failure(CentralError.unreachable("no answer within \(Int(seconds)) s"))) { work.cancel() }
                }
                Task {
                    let result = await work.result
                    timer.cancel()
                    once.resume(with: result)
                }
            }
        } onCancel: {
            work.cancel()
            once.resume(with: .failure(CancellationError()))
        }
    }
}
