/// Exponential backoff with full jitter ("AWS architecture blog: exponential backoff and
/// jitter"): attempt n waits a uniform random time in [0, min(cap, base·2ⁿ⁻¹)], or at least what
/// the gateway's `Retry-After` asked for (itself capped by `maxRetryAfter`).
public struct RetryPolicy: Sendable, Equatable {
    /// Seconds.
    public var base: Double
    /// Seconds: the longest backoff the exponent may reach.
    public var cap: Double
    /// Seconds: the longest `Retry-After` we honour (a gateway asking for an hour would make
    /// every message stale).
    public var maxRetryAfter: Double
    public var maxAttempts: Int

    public init(base: Double = 2, cap: Double = 60, maxRetryAfter: Double = 300, maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxRetryAfter = maxRetryAfter
        self.maxAttempts = maxAttempts
    }

    /// The ceiling of the jitter window after `attempt` failed attempts (1-based), in seconds.
    public func ceiling(afterAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        return min(cap, base * pow2(exponent))
    }

    /// Seconds to wait after `attempt` failed attempts; `unit` is a uniform random in [0, 1).
    public func delay(afterAttempt attempt: Int, retryAfter: Double?, unit: Double) -> Double {
        let jittered = ceiling(afterAttempt: attempt) * min(max(unit, 0), 1)
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, maxRetryAfter))
    }

    /// `delay` with the system's random numbers.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        delay(afterAttempt: attempt, retryAfter: retryAfter, unit: Double.random(in: 0..<1))
    }

    private func pow2(_ x: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(x) { r *= 2 }
        return r
    }
}
