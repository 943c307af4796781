import Foundation
import Synchronization

/// Wakes the outbox's readers when a commit has made new messages durable: each reader holds
/// a stream that keeps at most one pending wake-up, so a burst of commits costs one look.
public final class OutboxBell: Sendable {
    private let listeners = Mutex<[UUID: AsyncStream<Void>.Continuation]>([:])

    public init() {}

    /// A new reader's wake-ups; it stops being rung when it stops iterating.
    public func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        listeners.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Wakes every reader (call it after the commit, never before).
    public func ring() {
        for listener in listeners.withLock({ Array($0.values) }) { listener.yield() }
    }
}
