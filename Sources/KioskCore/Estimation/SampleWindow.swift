/// The most recent observations of one duration (seconds), oldest first, at most `capacity`.
///
/// Learned distributions are kept as samples: the estimator draws from them (or, for service
/// times, from a log-normal fitted to them), so skew, no-shows and the odd very long case are
/// priced in as they happen.
public struct SampleWindow: Sendable, Equatable {
    public let capacity: Int
    /// Oldest first.
    public private(set) var values: [Double] = []

    public init(capacity: Int = 200) {
        self.capacity = capacity
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public mutating func add(_ x: Double) {
        guard x.isFinite, x >= 0 else { return }
        if values.count >= capacity { values.removeFirst(values.count - capacity + 1) }
        values.append(x)
    }

    /// Adds another window's samples before ours (a previous day's), keeping the newest.
    public mutating func prepend(_ older: SampleWindow) {
        let merged = older.values + values
        values = Array(merged.suffix(capacity))
    }

    public var mean: Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Mean of the newest `n` samples.
    public func recentMean(_ n: Int) -> Double? {
        guard !values.isEmpty else { return nil }
        let tail = values.suffix(n)
        return tail.reduce(0, +) / Double(tail.count)
    }

    /// The samples longer than `elapsed`, minus `elapsed`: the empirical residual distribution
    /// of something that has already lasted `elapsed` seconds.
    public func residuals(after elapsed: Double) -> [Double] {
        var out: [Double] = []
        for x in values where x > elapsed { out.append(x - elapsed) }
        return out
    }
}
