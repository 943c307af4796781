import Foundation

/// A log-normal fit of a duration (service time), used for the part the samples cannot show:
/// how much longer a service that has already run long will go on.
///
/// Service times are positive and right-skewed; with a day or two of history a service seen
/// ten times has an empirical tail that stops at its longest case, so "past cases that lasted
/// at least as long" says a 25-minute service must end within minutes. The fit extends the
/// tail smoothly. Its shape (σ) is shrunk towards the hall's pooled shape when a service has
/// few samples: clerks' work varies alike across services far more than its length does.
public struct LogNormal: Sendable, Equatable {
    public var mu: Double
    public var sigma: Double
}

extension LogNormal {
    /// Fit from positive samples, the shape shrunk towards `pooledSigma` with the weight of
    /// `pseudoCount` samples. Nil without samples.
    public init?(samples: [Double], pooledSigma: Double, pseudoCount: Double = 10) {
        let logs = samples.compactMap { $0 > 0 ? Foundation.log($0) : nil }
        guard !logs.isEmpty else { return nil }
        let n = Double(logs.count)
        let mean = logs.reduce(0, +) / n
        let squares = logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let variance = (squares + pseudoCount * pooledSigma * pooledSigma) / (n - 1 + pseudoCount)
        self.init(mu: mean, sigma: max(0.05, variance.squareRoot()))
    }

    /// The pooled log-scale spread of several services' samples (each centred on its own mean);
    /// `fallback` when there are too few.
    public static func pooledSigma(_ groups: [[Double]], fallback: Double = 0.6) -> Double {
        var squares = 0.0, freedom = 0.0
        for group in groups {
            let logs = group.compactMap { $0 > 0 ? Foundation.log($0) : nil }
            guard logs.count >= 2 else { continue }
            let mean = logs.reduce(0, +) / Double(logs.count)
            squares += logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            freedom += Double(logs.count - 1)
        }
        return freedom >= 5 ? (squares / freedom).squareRoot() : fallback
    }

    /// The remaining time of a duration that has lasted `elapsed`, for a uniform draw `u` in
    /// [0, 1): the inverse of the distribution conditioned on exceeding `elapsed`, worked in the
    /// upper tail so a service far beyond its usual length (a clerk who forgot "finish") still
    /// has a future instead of ending "now". At least a tenth of the median remains.
    public func residual(after elapsed: Double, u: Double) -> Double {
        let z = elapsed > 0 ? (Foundation.log(elapsed) - mu) / sigma : -.infinity
        let upper = normalCDF(-z) * (1 - u)   // P(X > x) for the drawn x
        let x = exp(mu - sigma * inverseNormalCDF(min(max(upper, 1e-300), 1 - 1e-16)))
        return max(x - elapsed, 0.1 * exp(mu))
    }
}

/// Φ(z), the standard normal distribution function.
func normalCDF(_ z: Double) -> Double {
    0.5 * erfc(-z / 2.0.squareRoot())
}

/// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error < 1.2e-9),
/// enough for drawing from a tail.
func inverseNormalCDF(_ p: Double) -> Double {
    let (a, b, c, d) = (AcklamCoefficients.a, AcklamCoefficients.b, AcklamCoefficients.c, AcklamCoefficients.d)
    let low = 0.02425
    if p < low {
        let q = (-2 * Foundation.log(p)).squareRoot()
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    if p > 1 - low {
        let q = (-2 * Foundation.log(1 - p)).squareRoot()
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let q = p - 0.5, r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
}

private enum AcklamCoefficients {
    static let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    static let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                    6.680131188771972e+01, -1.328068155288572e+01]
    static let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    static let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
}
