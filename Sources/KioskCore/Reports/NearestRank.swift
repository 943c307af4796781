/// Nearest-rank percentiles: the smallest value with at least p % of the values at or below
/// it, always one of the values (no interpolation), so a report's p90 is a wait someone had.
public enum NearestRank {
    /// The `p`-th percentile (0 < p ≤ 100) of `values`; nil when there are none.
    public static func percentile(_ p: Int, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        // Integer arithmetic: ceil(p·n/100) with no floating-point rounding at exact ranks.
        let rank = max(1, (p * sorted.count + 99) / 100)
        return sorted[rank - 1]
    }
}
