import Synchronization

/// A value shared between tasks and threads behind a `Mutex`, in a class so closures and
/// task-group children can share it (a `Mutex` itself cannot be copied into them).
public final class LockedValue<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result: Sendable>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try mutex.withLock { value in try body(&value) }
    }

    /// A copy of the value now.
    public var value: Value { withLock { $0 } }
}
