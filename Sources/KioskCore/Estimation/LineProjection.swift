import Foundation

/// The whole line projected once, shared by every reader: the estimates of every waiting
/// ticket (screens, the service list, a ticket's status, the heads-up pass) and, per service
/// and class, when a ticket joining the line at that moment would be called, so a new
/// ticket's estimate is the projection "plus that ticket" instead of a projection of its own.
///
/// Pure and immutable: computed from a state and an estimator at `at`
/// (`WaitEstimator.projection(of:at:)`); the daemon recomputes it after changes, at most a
/// second apart.
public struct LineProjection: Sendable {
    /// When the line was projected.
    public let at: Date
    /// The business date of the state projected (nil: before the first day).
    public let date: BusinessDate?
    /// `issueSequence` of the state projected: tickets issued after it are not in it.
    public let issueSequence: Int
    /// The config it was projected under (a live change makes it another hall's).
    public let config: HallConfig
    /// Every window's availability and covers in the state projected: a window opened, paused
    /// or closed since changes every figure (`sameWindows(as:)`).
    let windows: [CounterID: WindowStaffing]
    /// Every waiting ticket's estimate, in line order, as of `at`.
    public let estimates: [WaitEstimate]
    /// The same estimates by ticket number (an index into `estimates`, not a second copy).
    public let byTicket: EstimatesByTicket
    /// Waiting tickets per service in the state projected.
    public let waitingByService: [ServiceCode: Int]
    /// Per service, the longest estimated wait (seconds): what a ticket taken now roughly faces.
    public let longestWait: [ServiceCode: TimeInterval]
    /// Per class: a joiner's call delays (seconds from `at`), sorted, one per replicate.
    let joinDelays: [JoinClass: [Double]]
    /// Per service: seconds each extra person ahead adds (recent occupancy over open windows),
    /// and the explanation a joiner of it gets.
    let perPerson: [ServiceCode: Double]
    let explanations: [ServiceCode: WaitExplanation]
    let estimator: WaitEstimator.Options

    struct WindowStaffing: Equatable {
        var availability: CounterState.Availability
        var covering: [CounterID]
    }

    static func windows(of state: HallState) -> [CounterID: WindowStaffing] {
        state.counters.mapValues { WindowStaffing(availability: $0.availability, covering: $0.covering) }
    }

    /// Whether `state`'s windows are staffed as in the state projected (same availability,
    /// same covers): if not, the projection's figures are another hall's until re-projected.
    public func sameWindows(as state: HallState) -> Bool {
        guard state.counters.count == windows.count else { return false }
        for (id, counter) in state.counters {
            guard let then = windows[id], then.availability == counter.availability, then.covering == counter.covering else { return false }
        }
        return true
    }

    struct JoinClass: Hashable {
        var service: ServiceCode
        var priority: Bool
    }

    /// An empty projection (nothing known yet): no estimates, no joiners.
    public static func empty(at: Date, config: HallConfig) -> LineProjection {
        LineProjection(
            at: at, date: nil, issueSequence: -1, config: config, windows: [:], estimates: [], byTicket: EstimatesByTicket([]), waitingByService: [:], longestWait: [:],
            joinDelays: [:], perPerson: [:], explanations: [:], estimator: .init()
        )
    }

    /// The estimate of `newcomer`, a ticket being issued at `now`, from this projection plus
    /// that ticket: the call delays of a joiner of its class, moved on by the time since `at`
    /// and pushed back by `extraAhead` tickets of its service that will be called before it
    /// but joined after `at` (each adding the service's recent minutes per person). `ahead`
    /// is the explanation's count of people ahead in its service. Nil when no window serves
    /// its service (or the projection does not know it).
    public func estimate(joining newcomer: Ticket, extraAhead: Int, ahead: Int, at now: Date) -> WaitEstimate? {
        guard let delays = joinDelays[JoinClass(service: newcomer.service, priority: newcomer.priority)], !delays.isEmpty,
              var why = explanations[newcomer.service]
        else { return nil }
        let shift = Double(extraAhead) * (perPerson[newcomer.service] ?? 0) - now.timeIntervalSince(at)
        why.ahead = ahead
        // A monotone map keeps the delays sorted. Beyond the horizon a ticket gets the horizon,
        // as in a projection of its own (the closing-time rule relies on that bound).
        let moved = delays.map { min(max(0, $0 + shift), estimator.horizon) }
        return WaitEstimator.estimate(newcomer.number, samples: moved[...], at: now, why: why, options: estimator)
    }

    /// How long before the session's end `estimate` (this projection's `estimate(joining:…)` of
    /// a `service` ticket) must call it for the closing-time rule to be decided on it: closer
    /// than that, the newcomer's own projection decides. It covers what the shared figure can
    /// get wrong against the newcomer's own projection: sampling noise between two sets of
    /// draws (a quarter of an hour, plus 30 % of the wait: about four standard deviations of
    /// the difference of two 48-replicate quantiles), and the `joinedSince` tickets issued
    /// since the projection, of any service, counted whole whether or not the push-back took
    /// them as going first (`extraAhead` of them), each a person ahead at this service's
    /// recent minutes per person.
    public func closingMargin(of estimate: WaitEstimate, service: ServiceCode, joinedSince: Int, extraAhead: Int) -> TimeInterval {
        let perPerson = perPerson[service] ?? estimator.priorOccupancy
        return 900 + 0.3 * estimate.wait + Double(joinedSince + extraAhead) * perPerson
    }

    /// How many tickets issued after this projection and still waiting (`line`: the index of
    /// the line the newcomer joins, without it) will be called before `newcomer`: those of its
    /// class, and for a normal ticket its service's priority ones too (they overtake). Counted
    /// on the index, not by a pass over the line.
    public func joinedAhead(of newcomer: Ticket, in line: WaitingIndex) -> Int {
        line.joined(since: issueSequence, service: newcomer.service, priority: true)
            + (newcomer.priority ? 0 : line.joined(since: issueSequence, service: newcomer.service, priority: false))
    }

    /// When each waiting ticket's heads-up falls due.
    public var headsUpAt: [TicketNumber: Date] { Dictionary(estimates.lazy.map { ($0.ticket, $0.headsUpAt) }) { $1 } }
}

/// A projection's estimates by ticket number. With 10,000 waiting a dictionary of the estimates
/// themselves was a second copy of them (about 2 MB, and the projection is redone every
/// second); this one holds each estimate's position in the line, and the line's array is the
/// projection's own (shared storage, not copied).
public struct EstimatesByTicket: Sendable, Equatable {
    private let estimates: [WaitEstimate]
    private let position: [TicketNumber: Int]

    /// Where a number appears twice, the later estimate wins.
    init(_ estimates: [WaitEstimate]) {
        self.estimates = estimates
        position = Dictionary(estimates.indices.lazy.map { (estimates[$0].ticket, $0) }) { $1 }
    }

    public subscript(number: TicketNumber) -> WaitEstimate? {
        position[number].map { estimates[$0] }
    }

    public var count: Int { position.count }
}

extension WaitEstimator {
    /// Projects the whole line once, at `now`: every waiting ticket's estimate and, for every
    /// class a window can call, the call delays of a ticket joining now. Same state and
    /// instant, same projection (its draws are seeded from the state).
    public func projection(of state: HallState, at now: Date) -> LineProjection {
        var buffers = ProjectionBuffers()
        return projection(of: state, at: now, buffers: &buffers)
    }

    /// The same, its working arrays in the storage of `buffers` (left there for the next).
    func projection(of state: HallState, at now: Date, buffers: inout ProjectionBuffers) -> LineProjection {
        let date = state.date ?? calendar.businessDate(of: now)
        var handed = ProjectionBuffers()
        swap(&handed, &buffers)
        var p = Projection(
            estimator: self, state: state, now: now.timeIntervalSince1970, midnight: calendar.midnight(of: date).timeIntervalSince1970,
            only: nil, joiners: true, replicates: options.replicates, buffers: consume handed
        )
        p.simulate()
        let all = estimates(of: &p, in: state, at: now)
        defer { buffers = p.takeBuffers() }
        let windows = windowsByService(in: state)
        var joinDelays: [LineProjection.JoinClass: [Double]] = [:]
        var perPerson: [ServiceCode: Double] = [:]
        var explanations: [ServiceCode: WaitExplanation] = [:]
        for (code, s) in p.serviceIndex {
            joinDelays[.init(service: code, priority: false)] = p.sortedJoinDelays(class: s * 2)
            joinDelays[.init(service: code, priority: true)] = p.sortedJoinDelays(class: s * 2 + 1)
            let w = windows[code] ?? (0, 0)
            explanations[code] = explain(code, windows: w)
            perPerson[code] = occupancy(of: code) / Double(max(w.open, 1))
        }
        var waitingByService: [ServiceCode: Int] = [:]
        var longestWait: [ServiceCode: TimeInterval] = [:]
        for (number, estimate) in zip(state.waiting, all) {
            guard let code = state.tickets[number]?.service else { continue }
            waitingByService[code, default: 0] += 1
            longestWait[code] = max(longestWait[code] ?? 0, estimate.wait)
        }
        return LineProjection(
            at: now, date: state.date, issueSequence: state.issueSequence, config: config, windows: LineProjection.windows(of: state), estimates: all,
            byTicket: EstimatesByTicket(all), waitingByService: waitingByService, longestWait: longestWait,
            joinDelays: joinDelays, perPerson: perPerson, explanations: explanations, estimator: options
        )
    }
}
