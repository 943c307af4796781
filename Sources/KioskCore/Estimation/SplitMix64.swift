/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64).
///
/// The estimator seeds it from the hall state it is looking at, so the same state at the same
/// instant always gives the same estimate: replays are reproducible and a prediction never
/// depends on anything but the past. Randomised tests and the demo's simulated hall use it too,
/// so a run repeats exactly from its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Exponential with mean 1.
    public mutating func exponential() -> Double {
        -log(Double((next() >> 11) + 1) * 0x1.0p-53)   // u in (0, 1]: log is cheaper than log1p
    }

    /// Uniform index in 0 ..< n (n > 0).
    public mutating func index(_ n: Int) -> Int {
        Int(((next() >> 32) &* UInt64(n)) >> 32)   // multiply-shift: no division, no float
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
