/// Counts and durations for one scope of a report (the hall, a service, a window, a slot),
/// accumulated by `ReportBuilder` and turned into figures at the end.
struct ReportFigures: Sendable {
    var issued = 0
    var served = 0
    var noShow = 0
    var cancelled = 0
    var transferred = 0
    /// Issue → first call, seconds, one per called ticket.
    var waits: [Double] = []
    /// Start → finish, seconds, one per finish that had a start.
    var serves: [Double] = []
    /// Called tickets whose wait was within their service's target.
    var withinTarget = 0

    var withinTargetShare: Double? {
        waits.isEmpty ? nil : Double(withinTarget) / Double(waits.count)
    }

    func percentile(_ p: Int, _ values: [Double]) -> Double? { NearestRank.percentile(p, of: values) }
    var waitP50: Double? { percentile(50, waits) }
    var waitP90: Double? { percentile(90, waits) }
    var waitMax: Double? { waits.max() }
    var serveP50: Double? { percentile(50, serves) }
    var serveP90: Double? { percentile(90, serves) }
}

/// How a window spent its open time (seconds): with a ticket called or in service, open and
/// idle, or paused. Closed time is not open time.
public struct WindowTime: Sendable, Equatable {
    public var serving: Double = 0
    public var idle: Double = 0
    public var paused: Double = 0

    public var open: Double { serving + idle + paused }
    /// The share of open time with a citizen at the window; nil with no open time.
    public var utilisation: Double? { open > 0 ? serving / open : nil }
}

/// One stretch of a window's day for the timeline: `state` is `serving`, `idle` or `paused`.
public struct WindowSegment: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var state: String
}
