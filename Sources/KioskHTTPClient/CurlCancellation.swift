import Synchronization

/// A flag the calling task raises when it is cancelled and the worker polls during a transfer.
final class CurlCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func cancel() {
        cancelled.store(true, ordering: .releasing)
    }
}
