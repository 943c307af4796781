import Foundation

/// What the estimator has learned about the hall from committed events: today's and those of
/// the previous days it was warm-started with. Durations are seconds.
public struct WaitStatistics: Sendable, Equatable {
    /// Window occupancy per service, first call → window free (finish, no-show, transfer or
    /// park): walk-up time, recalls and no-shows are priced in.
    public var occupancy: [ServiceCode: SampleWindow] = [:]
    /// Service time per service, start → finish: the residual of a service in progress.
    public var service: [ServiceCode: SampleWindow] = [:]
    /// First call → service start, all services pooled (walk-up and answered recalls): the
    /// window's overhead before a service it will be busy with.
    public var callToStart = SampleWindow(capacity: 300)
    /// First call → window free for calls that ended without a service (no-show, park), all
    /// services pooled, and how many calls ended each way (a transfer counts in neither: the
    /// ticket is served under its new service).
    public var unserved = SampleWindow(capacity: 300)
    public var servedCalls = 0
    public var unservedCalls = 0
    /// Break lengths (pause → resume), for a paused window's return and future breaks.
    public var breaks = SampleWindow(capacity: 300)
    /// Breaks taken and window-seconds staffed and not on a break, in sessions: the break rate.
    public var breakCount = 0
    public var staffedSeconds: Double = 0
    /// Issue times (seconds of day) of the warm-start days, sorted, and how many days they cover.
    public var historyIssueTimes: [Double] = []
    public var historyDays = 0
    /// Issue times (seconds of day) today, in order.
    public var todayIssueTimes: [Double] = []
    /// Tickets issued per (service, priority), all days: the mix of future arrivals.
    public var classCounts: [ClassKey: Int] = [:]
    /// Per window: observed service seconds and the service means they were compared with;
    /// their ratio is the window's speed (a slower clerk, a trainee), shrunk towards 1.
    public var speedObserved: [CounterID: Double] = [:]
    public var speedExpected: [CounterID: Double] = [:]
    /// 即审: call back → window free for a citizen back from review (the short second
    /// service: hand over the result, or say what is missing), all services pooled.
    public var secondService = SampleWindow(capacity: 300)
    /// Appointments checked in on time and released as no-shows, all days: the no-show rate
    /// of the bookings still to come.
    public var appointmentsShown = 0
    public var appointmentsReleased = 0

    /// The share of booked appointments nobody checks in for: half a no-show in five before
    /// the hall has shown any (10 %), then the hall's own count.
    public var appointmentNoShowRate: Double {
        (Double(appointmentsReleased) + 0.5) / (Double(appointmentsShown + appointmentsReleased) + 5)
    }

    public init() {}

    /// A service and priority flag: the unit of the call rule.
    public struct ClassKey: Sendable, Hashable {
        public var service: ServiceCode
        public var priority: Bool
    }

    public func occupancySamples(_ service: ServiceCode) -> SampleWindow? {
        occupancy[service]
    }

    /// Mean occupancy for `service` (falls back to all services, then `prior`).
    public func meanOccupancy(_ code: ServiceCode, prior: Double) -> Double {
        if let w = occupancy[code], w.count >= 3, let m = w.mean { return m }
        let all = occupancy.sorted { $0.key < $1.key }.flatMap(\.value.values)   // a stable sum order
        return all.isEmpty ? prior : all.reduce(0, +) / Double(all.count)
    }

    /// Share of calls that end without a service (prior: one in ten).
    public var unservedShare: Double {
        (Double(unservedCalls) + 1) / (Double(servedCalls + unservedCalls) + 10)
    }

    /// Breaks per staffed second; the prior is one break per four staffed hours.
    public var breakRate: Double {
        (Double(breakCount) + 1) / (staffedSeconds + 4 * 3600)
    }

    /// The window's speed factor: service takes `speed ×` the hall's usual time there.
    public func speed(of counter: CounterID) -> Double {
        let prior = 3000.0   // about five services' worth of evidence before we believe a trend
        return ((speedObserved[counter] ?? 0) + prior) / ((speedExpected[counter] ?? 0) + prior)
    }

    /// Forecast issue rate (tickets per second) at `u` seconds of day, seen at `now` seconds of
    /// day: the previous days' profile around `u`, scaled by today's volume so far against
    /// theirs at the same hour; without history, today's rate over the last hour.
    func arrivalRate(at u: Double, now: Double, firstOpen: Double) -> Double {
        if historyDays > 0, !historyIssueTimes.isEmpty {
            let days = Double(historyDays)
            let soFarThen = Double(upperBound(historyIssueTimes, now)) / days
            let scale = (Double(todayIssueTimes.count) + 5) / (soFarThen + 5)
            let n = upperBound(historyIssueTimes, u + 1800) - upperBound(historyIssueTimes, u - 1800)
            return scale * Double(n) / days / 3600
        }
        let recent = todayIssueTimes.count - upperBound(todayIssueTimes, now - 3600)
        let span = min(3600, max(600, now - firstOpen))
        return Double(recent) / span
    }

    /// Ends a business day: today's issue times become part of the arrival profile.
    mutating func closeDay() {
        guard !todayIssueTimes.isEmpty else { return }
        historyIssueTimes = (historyIssueTimes + todayIssueTimes).sorted()
        historyDays += 1
        todayIssueTimes = []
    }
}

/// Number of elements ≤ x in a sorted array.
func upperBound(_ a: [Double], _ x: Double) -> Int {
    var lo = 0, hi = a.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if a[mid] <= x { lo = mid + 1 } else { hi = mid }
    }
    return lo
}
