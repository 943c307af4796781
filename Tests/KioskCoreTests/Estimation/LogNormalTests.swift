import Foundation
@testable import KioskCore
import Testing

/// The log-normal fit that extends a service's tail beyond its longest observed case.
@Suite struct LogNormalTests {
    @Test(arguments: [(0.5, 0.0), (0.975, 1.959_963_985), (0.025, -1.959_963_985), (0.999, 3.090_232_306), (1e-6, -4.753_424_309)])
    func inverseNormalMatchesTables(p: Double, z: Double) {
        #expect(abs(inverseNormalCDF(p) - z) < 1e-6)
        #expect(abs(normalCDF(z) - p) <= 1e-6 * p)   // relative: the far tail counts too
    }

    @Test func fitRecoversTheParametersAndShrinksTheShapeWhenSamplesAreFew() throws {
        var rng = SplitMix64(seed: 7)
        let samples = (0..<400).map { _ in exp(log(600) + 0.5 * inverseNormalCDF(max(rng.unit(), 1e-12))) }
        let fit = try #require(LogNormal(samples: samples, pooledSigma: 0.5))
        #expect(abs(fit.mu - log(600)) < 0.08)
        #expect(abs(fit.sigma - 0.5) < 0.05)
        // Two identical samples say nothing about spread: the pooled shape stands in.
        let few = try #require(LogNormal(samples: [600, 600], pooledSigma: 0.7))
        #expect(few.sigma > 0.6)
        #expect(LogNormal(samples: [], pooledSigma: 0.5) == nil)
        #expect(abs(LogNormal.pooledSigma([samples]) - 0.5) < 0.05)
        #expect(LogNormal.pooledSigma([[600]], fallback: 0.42) == 0.42)
    }

    @Test func residualIsConditionedOnWhatHasAlreadyLasted() {
        let fit = LogNormal(mu: log(600), sigma: 0.5)
        var rng = SplitMix64(seed: 11)
        let fresh = (0..<4000).map { _ in fit.residual(after: 0, u: rng.unit()) }
        let mean = fresh.reduce(0, +) / Double(fresh.count)
        #expect(abs(mean - 600 * exp(0.125)) < 25, "mean \(mean)")
        // A service already at 25 minutes (far beyond a typical 10) still has a future, and a
        // longer one than a fresh service's median: it is a long case.
        let late = (0..<2000).map { _ in fit.residual(after: 1500, u: rng.unit()) }
        #expect(late.allSatisfy { $0 >= 0 && $0.isFinite })
        let sorted = late.sorted()
        #expect(sorted[sorted.count / 2] > 200)
        #expect(sorted[sorted.count * 9 / 10] > 600)
    }

    @Test func aServiceFarBeyondItsUsualLengthStillHasAFuture() {
        // σ = 0.25, median 10 min, at 50 min: 6.4 σ out (a clerk who forgot "finish").
        let fit = LogNormal(mu: log(600), sigma: 0.25)
        var rng = SplitMix64(seed: 5)
        let rests = (0..<1000).map { _ in fit.residual(after: 3000, u: rng.unit()) }
        #expect(rests.allSatisfy { $0 >= 60 && $0.isFinite })
        let sorted = rests.sorted()
        // The conditional excess of a log-normal this far out is about σ·x/z ≈ 2 min.
        #expect((60...400).contains(sorted[sorted.count / 2]), "median \(sorted[sorted.count / 2])")
        #expect(fit.residual(after: 1e7, u: 0.5).isFinite)
    }
}
