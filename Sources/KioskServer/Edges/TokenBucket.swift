import Foundation

/// A token bucket: `burst` actions at once, then `perSecond` on average. Pure: time comes in as
/// `now`, so it is tested step by step with a manual clock.
public struct TokenBucket: Sendable, Equatable {
    public let burst: Double
    public let perSecond: Double
    private(set) var available: Double
    private(set) var updated: Date?

    public init(burst: Int, perSecond: Double) {
        precondition(burst > 0 && perSecond > 0)
        self.burst = Double(burst)
        self.perSecond = perSecond
        available = Double(burst)
    }

    /// Takes one token at `now` if there is one (nil: go ahead); otherwise takes nothing and
    /// returns how many seconds until one will be there.
    public mutating func take(at now: Date) -> Double? {
        refill(at: now)
        if available >= 1 {
            available -= 1
            return nil
        }
        return (1 - available) / perSecond
    }

    private mutating func refill(at now: Date) {
        if let updated {
            // A clock that went back refills nothing (and does not drain either).
            let elapsed = max(0, now.timeIntervalSince(updated))
            available = min(burst, available + elapsed * perSecond)
        }
        if updated == nil || now > updated! { updated = now }
    }
}
