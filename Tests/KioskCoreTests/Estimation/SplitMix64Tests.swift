import KioskCore
import Testing

/// The estimator's generator: its draws must cover their ranges evenly (a skewed index would
/// silently bias every Monte Carlo estimate).
@Suite struct SplitMix64Tests {
    @Test(arguments: [1, 2, 7, 128, 200])
    func indexCoversItsRangeEvenly(n: Int) {
        var rng = SplitMix64(seed: 42)
        var counts = [Int](repeating: 0, count: n)
        let draws = 2000 * n
        for _ in 0..<draws {
            let i = rng.index(n)
            #expect(i >= 0 && i < n)
            counts[i] += 1
        }
        // Each bucket within 15 % of its share (2000 expected: sd ~45).
        #expect(counts.allSatisfy { abs($0 - 2000) < 300 }, "\(counts.prefix(10))")
    }

    @Test func unitAndExponentialHaveTheirMeans() {
        var rng = SplitMix64(seed: 9)
        let n = 200_000
        var unit = 0.0, exponential = 0.0
        for _ in 0..<n {
            let u = rng.unit()
            #expect(u >= 0 && u < 1)
            unit += u
            let e = rng.exponential()
            #expect(e >= 0 && e.isFinite)
            exponential += e
        }
        #expect(abs(unit / Double(n) - 0.5) < 0.005)
        #expect(abs(exponential / Double(n) - 1) < 0.01)
    }
}
