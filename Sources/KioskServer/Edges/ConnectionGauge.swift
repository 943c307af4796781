import Synchronization

/// Open HTTP connections, counted as they open and close, against the cap. Shared by every
/// event loop (atomic).
public final class ConnectionGauge: Sendable {
    public let cap: Int
    private let open = Atomic<Int>(0)

    public init(cap: Int) {
        self.cap = cap
    }

    /// A connection opened; whether it is within the cap (it counts either way until it closes).
    func opened() -> Bool {
        open.add(1, ordering: .relaxed).newValue <= cap
    }

    func closed() {
        open.subtract(1, ordering: .relaxed)
    }

    /// Connections open now.
    public var count: Int { open.load(ordering: .relaxed) }
}
