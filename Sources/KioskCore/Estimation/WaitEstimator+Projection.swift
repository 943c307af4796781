import Foundation

extension WaitEstimator {
    /// Estimates for every waiting ticket, in line order.
    public func estimates(in state: HallState, at now: Date) -> [WaitEstimate] {
        run(state, at: now, only: nil)
    }

    /// The estimate for one waiting ticket (nil when it is not waiting). Cheaper than
    /// `estimates`: the projection stops as soon as this ticket is called.
    public func estimate(for ticket: TicketNumber, in state: HallState, at now: Date) -> WaitEstimate? {
        run(state, at: now, only: ticket).first
    }

    /// The estimate `newcomer`, a ticket being issued at `now`, gets once it is folded (it joins
    /// the end of the line, after every ticket waiting in `state`, and the estimator has counted
    /// its issue among today's arrivals): the same figure, computed without folding it into
    /// either, so the hall can decide on it and refuse without undoing anything.
    public func estimate(issuing newcomer: Ticket, in state: HallState, at now: Date) -> WaitEstimate? {
        var counted = self
        counted.fold(HallEvent(at: newcomer.issuedAt, .issued(
            ticket: newcomer.number, service: newcomer.service, priority: newcomer.priority, contact: newcomer.hasContact, audit: nil
        )))
        return counted.run(state, at: now, only: newcomer.number, joining: newcomer).first
    }

    private func run(_ state: HallState, at now: Date, only: TicketNumber?, joining newcomer: Ticket? = nil) -> [WaitEstimate] {
        let date = state.date ?? calendar.businessDate(of: now)
        var p = Projection(estimator: self, state: state, now: now.timeIntervalSince1970,
                           midnight: calendar.midnight(of: date).timeIntervalSince1970, only: only, joining: newcomer)
        guard !p.targets.isEmpty else { return [] }
        p.simulate()
        return estimates(of: &p, in: state, joining: newcomer, at: now)
    }

    /// The estimates of a simulated projection's targets.
    func estimates(of p: inout Projection, in state: HallState, joining newcomer: Ticket? = nil, at now: Date) -> [WaitEstimate] {
        // What the citizen can see, counted once per service.
        let windows = windowsByService(in: state)
        var aheadByService: [ServiceCode: Int] = [:]
        var ahead = [Int](repeating: 0, count: p.waitingCount)
        for (rank, number) in state.waiting.enumerated() {
            guard let code = state.tickets[number]?.service else { continue }
            ahead[rank] = aheadByService[code, default: 0]
            aheadByService[code, default: 0] += 1
        }
        if let newcomer { ahead[state.waiting.count] = aheadByService[newcomer.service, default: 0] }
        var explanations: [ServiceCode: WaitExplanation] = [:]
        return p.targets.indices.map { i in
            let rank = p.targets[i]
            let ticket = rank < state.waiting.count ? state.tickets[state.waiting[rank]]! : newcomer!
            var why = explanations[ticket.service] ?? explain(ticket.service, windows: windows[ticket.service] ?? (0, 0))
            explanations[ticket.service] = why
            why.ahead = ahead[rank]
            return estimate(ticket.number, samples: p.sortedSamples(target: i), at: now, why: why)
        }
    }

    /// Windows serving each service now: open ones and those on a break.
    func windowsByService(in state: HallState) -> [ServiceCode: (open: Int, away: Int)] {
        let rule = CallRule(config: config)
        var windows: [ServiceCode: (open: Int, away: Int)] = [:]
        for counter in config.counters {
            let availability = state.counters[counter.id]?.availability ?? .open
            for code in rule.services(of: counter.id, in: state) {
                var w = windows[code] ?? (0, 0)
                switch availability {
                case .open: w.open += 1
                case .paused: w.away += 1
                case .closed: break
                }
                windows[code] = w
            }
        }
        return windows
    }

    /// The estimate of `ticket` from its replicate call delays `q` (sorted, seconds from `now`).
    func estimate(_ ticket: TicketNumber, samples q: ArraySlice<Double>, at now: Date, why: WaitExplanation) -> WaitEstimate {
        Self.estimate(ticket, samples: q, at: now, why: why, options: options)
    }

    static func estimate(_ ticket: TicketNumber, samples q: ArraySlice<Double>, at now: Date, why: WaitExplanation, options: Options) -> WaitEstimate {
        let rounding = options.printRounding
        var wait = quantile(q, options.printQuantile)
        if rounding > 0 { wait = (wait / rounding).rounded() * rounding }
        let low = quantile(q, options.lowQuantile), high = quantile(q, options.highQuantile)
        let nearly = options.headsUpLatePenalty.map { headsUpDelay(q, latePenalty: $0) }
            ?? quantile(q, options.headsUpQuantile) - options.headsUpLead
        return WaitEstimate(
            ticket: ticket, computedAt: now, wait: max(0, wait),
            low: rounding > 0 ? (low / rounding).rounded(.down) * rounding : low,
            high: rounding > 0 ? (high / rounding).rounded(.up) * rounding : high,
            headsUpAt: now.addingTimeInterval(max(0, nearly)),
            explanation: why
        )
    }

    /// The delay (seconds from now) that puts the most predicted calls 5–15 min after the
    /// heads-up, each call predicted sooner than 5 min after it costing `latePenalty` on-time
    /// ones: the window [x + 300, x + 900] is slid over the sorted replicate call times.
    static func headsUpDelay(_ sorted: ArraySlice<Double>, latePenalty: Double) -> Double {
        let values = Array(sorted)
        var best = 0.0, bestScore = -Double.infinity
        var candidates = [0.0]
        for v in values {
            if v - 300 > 0 { candidates.append(v - 300) }
            if v - 900 > 0 { candidates.append(v - 900) }
        }
        for x in candidates {
            let late = upperBoundStrict(values, x + 300)
            let onTime = upperBound(values, x + 900) - late
            let score = Double(onTime) - latePenalty * Double(late)
            if score > bestScore || (score == bestScore && x > best) {
                best = x
                bestScore = score
            }
        }
        return best
    }

    /// The recent occupancy of a window by one `code` ticket (seconds).
    func occupancy(of code: ServiceCode) -> Double {
        statistics.occupancy[code]?.recentMean(10) ?? statistics.meanOccupancy(code, prior: options.priorOccupancy)
    }

    /// Windows serving the service (open and away) and the recent minutes per person.
    func explain(_ code: ServiceCode, windows: (open: Int, away: Int)) -> WaitExplanation {
        let perPerson = occupancy(of: code) / Double(max(windows.open, 1)) / 60
        let service = config.service(code)
        return WaitExplanation(
            ahead: 0, windowsOpen: windows.open, windowsAway: windows.away, minutesPerPerson: max(1, Int(perPerson.rounded())),
            serviceName: service?.name ?? code, serviceNameEN: service?.nameEN ?? ""
        )
    }
}

/// Number of elements < x in a sorted array.
func upperBoundStrict(_ a: [Double], _ x: Double) -> Int {
    var lo = 0, hi = a.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if a[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

/// Linear-interpolated quantile of sorted values.
func quantile(_ sorted: ArraySlice<Double>, _ q: Double) -> Double {
    guard let first = sorted.first else { return 0 }
    if sorted.count == 1 { return first }
    let x = q * Double(sorted.count - 1)
    let i = Int(x), base = sorted.startIndex
    let j = min(i + 1, sorted.count - 1)
    return sorted[base + i] + (sorted[base + j] - sorted[base + i]) * (x - Double(i))
}

/// The Monte Carlo list-scheduling of the current line through the windows.
///
/// Each replicate: every window frees at a drawn time (now if idle; a drawn residual if
/// calling, serving or on a break), then repeatedly the earliest-free window applies the call
/// rule to the line (per-class FIFO queues, the priority interleave, the window's policy),
/// takes the ticket and stays busy for an occupancy (the walk-up, then a service drawn from
/// that service's log-normal fit × the window's speed; or an unanswered call), sometimes
/// followed by a break. Future arrivals that can overtake someone waiting (priority ones, and
/// those a `service_order` window prefers) join the queues as a Poisson stream at their share
/// of the forecast rate. Records when each target ticket is taken.
struct Projection {
    let now: Double
    let midnight: Double
    let sessions: [(Double, Double)]
    let replicates: Int
    let horizon: Double
    /// The engine's call rule: each free window takes the ticket it would take.
    let callRule: CallRule
    let hallScope: Bool
    let sinceHall: Int

    /// Ranks (positions in `state.waiting`) of the tickets to report.
    var targets: [Int] = []
    private var targetOfRank: [Int] = []
    private var issuedAtOfRank: [Double] = []
    /// Per class (service index × 2 + priority): ranks in line order; future arrivals get
    /// ranks from `waitingCount` on.
    /// Flat storage: class k's ranks live at `queueStart[k] ..< queueStart[k] + queueRoom[k]`,
    /// the first `queueBase[k]` being the tickets waiting now. A class holds at most
    /// `queueCapacity[k]` (arrivals past it are dropped); its room starts at what the expected
    /// arrivals need and widens up to that capacity only in a replicate that needs more.
    /// Ranks are 32-bit (a day has far fewer than 2^31 tickets and projected arrivals): half
    /// the memory of `Int`.
    private var queueData: [Int32] = []
    private var queueStart: [Int] = []
    private var queueBase: [Int] = []
    private var queueCapacity: [Int] = []
    private var queueRoom: [Int] = []
    /// Window c serves `windowServices[windowOffset[c] ..< windowOffset[c + 1]]`.
    private var windowServices: [Int] = []
    private var windowOffset: [Int] = [0]
    private let classCount: Int
    private var counters: [Window] = []
    private let occupancy: [[Double]]
    /// Per service, once it has been served a few times: its service-time fit, for services in
    /// progress and for the composite occupancy (overhead, then a service drawn from the fit; or
    /// an unserved call), the latter once the hall has shown enough walk-ups (`composes`).
    private let serviceFit: [LogNormal?]
    private let composes: Bool
    /// The fits as `fitLevels` equally likely quantiles each (flat, per service): a draw is
    /// then a lookup, as cheap as resampling observations.
    private let fitQuantiles: [Double]
    private static let fitLevels = 128
    private let callToStart: [Double]
    private let unserved: [Double]
    private let unservedShare: Double
    private let breaks: [Double]
    private let breakRate: Double
    /// Arrival rate per second in 300 s buckets from `now`.
    private var bucketRate: [Double] = []
    private var bucket: Double { 300 }
    private var classCumulative: [Double] = []
    /// Tickets in the line now (a newcomer being issued included); arrivals rank after them.
    let waitingCount: Int
    /// Appointments, by the rule's order (slot, then check-in; expected ones after those
    /// checked in for the same slot): those checked in (`rank` in the line) and those booked
    /// and expected (`rank` -1, each present in a replicate with the show rate). A due one is
    /// taken before the walk-ins' rule; a checked-in early one only when nothing else waits.
    private var appointments: [(due: Double, service: Int, rank: Int)] = []
    private let appointmentShow: Double
    /// Also find, for every class, when a ticket joining the line now would be called (the
    /// shared projection's "plus that ticket"): it takes rank `waitingCount`, before every
    /// projected arrival, and is called at the first decision where the call rule would pick
    /// its class were it waiting. Until then it changes no decision (the rule picks by class
    /// heads, and it heads its class only once those waiting now have gone), so one
    /// replicate answers for every class at once.
    let joiners: Bool
    /// Per class × replicate: seconds from `now` until a joiner of that class is called.
    private(set) var joinDelay: [Double] = []
    /// Class `k` is service `serviceIndex[code]` × 2 + priority.
    let serviceIndex: [ServiceCode: Int]
    private var samples: [Double] = []
    private var rng: SplitMix64

    struct Window {
        var services: [Int]
        var serviceOrder: Bool
        var speed: Double
        var since: Int
        var start: Start
        /// 即审: seconds the window will spend calling back the cases it handed to review
        /// (each comes back for a short second service before the line moves on there).
        var callBacks: Double = 0
    }

    enum Start {
        case at(Double)
        case residual([Double])
        /// A service in progress: `fit` conditioned on having lasted `elapsed`, times `scale`.
        case tail(LogNormal, elapsed: Double, scale: Double)
        /// A call not yet answered: the rest of the walk-up then a service, or the rest of an
        /// unanswered call (residual samples of each, and the chance it is the latter).
        case calling(served: [Double], unserved: [Double], unservedChance: Double, fit: LogNormal, scale: Double)
        case exponential(Double)
        case unavailable
    }

    /// `buffers`: storage to reuse for the working arrays (`ProjectionBuffers`); the figures
    /// do not depend on it.
    init(
        estimator e: WaitEstimator, state: HallState, now: Double, midnight: Double, only: TicketNumber?, joining newcomer: Ticket? = nil,
        joiners: Bool = false, replicates: Int? = nil, buffers: consuming ProjectionBuffers = ProjectionBuffers()
    ) {
        let config = e.config, stats = e.statistics, options = e.options
        self.now = now
        self.midnight = midnight
        let sessions = config.sessions.map { ($0.start.seconds, $0.end.seconds) }
        self.sessions = sessions
        self.replicates = max(1, replicates ?? (only == nil ? options.refreshReplicates : options.replicates))
        self.joiners = joiners
        horizon = options.horizon
        callRule = CallRule(config: config)
        hallScope = config.priority.scope == .hall
        sinceHall = state.normalCallsSincePriority

        var serviceIndex: [ServiceCode: Int] = [:]
        for (i, s) in config.services.enumerated() { serviceIndex[s.code] = i }
        for ticket in state.waitingTickets where serviceIndex[ticket.service] == nil {
            serviceIndex[ticket.service] = serviceIndex.count
        }
        if let newcomer, serviceIndex[newcomer.service] == nil { serviceIndex[newcomer.service] = serviceIndex.count }
        self.serviceIndex = serviceIndex
        var codes = [ServiceCode](repeating: "", count: serviceIndex.count)
        for (code, i) in serviceIndex { codes[i] = code }
        classCount = codes.count * 2
        waitingCount = state.waiting.count + (newcomer == nil ? 0 : 1)

        var queues = [[Int]](repeating: [], count: classCount)
        var targets: [Int] = []
        // The buffers' arrays are moved out, not copied: each stays the only reference to its
        // storage, so refilling it reuses that storage.
        var targetOfRank: [Int] = []
        swap(&targetOfRank, &buffers.targetOfRank)
        targetOfRank.refill(-1, count: waitingCount)
        // A joiner's rank (`waitingCount`) is issued now: the ageing guard sees its wait too.
        var issuedAtOfRank: [Double] = []
        swap(&issuedAtOfRank, &buffers.issuedAtOfRank)
        issuedAtOfRank.refill(0, count: waitingCount + (joiners ? 1 : 0))
        swap(&samples, &buffers.samples)
        swap(&joinDelay, &buffers.joinDelay)
        swap(&queueData, &buffers.queueData)
        queueData.removeAll(keepingCapacity: true)
        if joiners { issuedAtOfRank[waitingCount] = now }
        var appointments: [(due: Double, service: Int, rank: Int)] = []
        func line(_ ticket: Ticket, rank: Int) {
            guard let s = serviceIndex[ticket.service] else { return }
            if let slot = ticket.appointmentSlot {
                appointments.append((slot.timeIntervalSince1970, s, rank))
            } else {
                queues[s * 2 + (ticket.priority ? 1 : 0)].append(rank)
            }
            issuedAtOfRank[rank] = ticket.issuedAt.timeIntervalSince1970
            if only == nil || only == ticket.number {
                targetOfRank[rank] = targets.count
                targets.append(rank)
            }
        }
        for (rank, number) in state.waiting.enumerated() {
            if let ticket = state.tickets[number] { line(ticket, rank: rank) }
        }
        if let newcomer { line(newcomer, rank: state.waiting.count) }
        // Booked and not checked in: known future arrivals at their slot.
        let day = state.date ?? e.calendar.businessDate(of: Date(timeIntervalSince1970: now))
        for booked in state.appointments.appointments(on: day) where booked.state == .booked {
            let due = midnight + booked.time.seconds
            guard let s = serviceIndex[booked.service], due < now + options.horizon else { continue }
            appointments.append((max(due, now), s, -1))
        }
        appointments.sort { a, b in
            (a.due, a.rank < 0 ? 1 : 0, a.rank < 0 ? 0 : issuedAtOfRank[a.rank]) < (b.due, b.rank < 0 ? 1 : 0, b.rank < 0 ? 0 : issuedAtOfRank[b.rank])
        }
        self.appointments = appointments
        appointmentShow = 1 - stats.appointmentNoShowRate
        self.targets = targets
        self.targetOfRank = targetOfRank
        self.issuedAtOfRank = issuedAtOfRank

        // Learned durations.
        let prior = options.priorOccupancy
        // Dictionaries iterate in a per-process order: sort, so every process draws alike.
        let pooled = stats.occupancy.sorted { $0.key < $1.key }.flatMap { $0.value.values.suffix(50) }
        occupancy = codes.map { code in
            if let w = stats.occupancy[code], w.count >= 5 { return w.values }
            return pooled.isEmpty ? [prior] : pooled
        }
        breaks = stats.breaks.isEmpty ? [1200] : stats.breaks.values
        let pooledSigma = LogNormal.pooledSigma(stats.service.sorted { $0.key < $1.key }.map(\.value.values))
        composes = stats.callToStart.count >= 5
        serviceFit = codes.map { code in
            guard let samples = stats.service[code]?.values, samples.count >= 3 else { return nil }
            return LogNormal(samples: samples, pooledSigma: pooledSigma)
        }
        let levels = (0..<Self.fitLevels).map { inverseNormalCDF((Double($0) + 0.5) / Double(Self.fitLevels)) }
        fitQuantiles = serviceFit.flatMap { fit in levels.map { z in fit.map { exp($0.mu + $0.sigma * z) } ?? 0 } }
        callToStart = stats.callToStart.values
        unserved = stats.unserved.values
        unservedShare = stats.unserved.isEmpty ? 0 : stats.unservedShare
        breakRate = stats.breakRate

        // Windows and how each one frees.
        for counter in config.counters {
            let live = state.counters[counter.id] ?? CounterState(id: counter.id)
            let services = callRule.services(of: counter.id, in: state).compactMap { serviceIndex[$0] }
            let speed = stats.speed(of: counter.id)
            var start = Start.at(now)
            switch live.availability {
            case .closed:
                start = .unavailable
            case let .paused(since, until):
                if let until {
                    start = .at(max(now, until.timeIntervalSince1970))
                } else {
                    let elapsed = now - since.timeIntervalSince1970
                    let tail = stats.breaks.residuals(after: elapsed)
                    start = tail.count >= 2 ? .residual(tail) : .exponential(max(0.5 * elapsed, 600))
                }
            case .open:
                if let current = live.current, let ticket = state.tickets[current] {
                    let code = ticket.service
                    let mean = stats.meanOccupancy(code, prior: prior)
                    switch ticket.state {
                    case let .serving(_, since):
                        let elapsed = (now - since.timeIntervalSince1970) / speed
                        if let i = serviceIndex[code], let fit = serviceFit[i] {
                            start = .tail(fit, elapsed: elapsed, scale: speed)
                        } else {
                            start = .exponential(max(mean - elapsed, 0.3 * mean) * speed)
                        }
                    default:
                        let called = ticket.firstCalledAt?.timeIntervalSince1970 ?? now
                        let elapsed = now - called
                        let served = stats.callToStart.residuals(after: elapsed)
                        let unserved = stats.unserved.residuals(after: elapsed)
                        if let i = serviceIndex[code], let fit = serviceFit[i], served.count + unserved.count >= 3 {
                            // Still not at the window: the longer the wait, the likelier a no-show.
                            let p = unservedShare * Double(unserved.count) / Double(max(stats.unserved.count, 1))
                            let q = (1 - unservedShare) * Double(served.count) / Double(max(stats.callToStart.count, 1))
                            start = .calling(served: served, unserved: unserved, unservedChance: p / (p + q), fit: fit, scale: speed)
                        } else {
                            let tail = (stats.occupancy[code] ?? SampleWindow()).residuals(after: elapsed)
                            start = tail.count >= 3 ? .residual(tail) : .exponential(max(mean - elapsed, 0.3 * mean))
                        }
                    }
                }
            }
            let secondService = stats.secondService.mean ?? options.priorSecondService
            let pending = live.availability == .closed ? 0 : state.casesInReview(handedBy: counter.id).count
            counters.append(Window(
                services: services, serviceOrder: counter.policy == .serviceOrder, speed: speed,
                since: live.normalCallsSincePriority, start: start, callBacks: Double(pending) * secondService
            ))
        }

        // Future arrivals: rate buckets and the class mix.
        let nowOfDay = now - midnight
        let firstOpen = sessions.first?.0 ?? nowOfDay
        let width = 300.0
        let buckets = Int((options.horizon / width).rounded(.up))
        // A joiner has arrived: the forecast (today's issues so far against the profile) counts
        // it, as it counts a newcomer folded into the estimator (`estimate(issuing:)`). Its class
        // is not counted in the mix: the joiners of every class share one simulation.
        var arrivals = stats
        if joiners { arrivals.todayIssueTimes.append(nowOfDay) }
        var rates: [Double] = []
        for b in 0..<buckets {
            let mid = nowOfDay + (Double(b) + 0.5) * width
            let open = sessions.contains { mid >= $0.0 && mid < $0.1 }
            rates.append(open ? arrivals.arrivalRate(at: mid, now: nowOfDay, firstOpen: firstOpen) : 0)
        }
        // Only arrivals that can be called before a ticket already waiting matter: priority
        // ones (they overtake) and those a `service_order` window prefers. A normal arrival at
        // `fifo` windows is behind everyone waiting now, so it is left out (thinning the
        // stream): a day with thousands waiting would otherwise simulate hours of arrivals.
        var weight: [Double] = [], everything = 0.0
        for (s, code) in codes.enumerated() {
            let preferred = counters.contains { $0.serviceOrder && $0.services.contains(s) }
            for priority in [false, true] {
                let seen = Double(stats.classCounts[.init(service: code, priority: priority)] ?? 0) + 0.5
                everything += seen
                weight.append(priority || preferred ? seen : 0)
            }
        }
        let kept = weight.reduce(0, +)
        var acc = 0.0
        for w in weight {
            acc += kept > 0 ? w / kept : 0
            classCumulative.append(acc)
        }
        bucketRate = rates.map { $0 * kept / everything }

        // Each class holds the waiting tickets and at most three times its expected arrivals;
        // room is made at first for the waiting and once the expected arrivals.
        let expectedArrivals = bucketRate.reduce(0, +) * 300
        var previous = 0.0
        var rooms: [Int] = []
        for k in 0..<classCount {
            let share = classCumulative[k] - previous
            previous = classCumulative[k]
            let capacity = queues[k].count + Int(3 * expectedArrivals * share) + 8
            queueCapacity.append(capacity)
            queueBase.append(queues[k].count)
            rooms.append(min(capacity, queues[k].count + Int(expectedArrivals * share) + 8))
        }
        queueData.reserveCapacity(rooms.reduce(0, +))
        for k in 0..<classCount {
            queueStart.append(queueData.count)
            queueData.append(contentsOf: queues[k].lazy.map { Int32($0) })
            queueData.append(contentsOf: repeatElement(0, count: rooms[k] - queues[k].count))
        }
        queueRoom = rooms
        for w in counters {
            windowServices.append(contentsOf: w.services)
            windowOffset.append(windowServices.count)
        }

        // Common random numbers: the draws depend on the day's issue count only, so successive
        // re-estimates differ by what happened, not by sampling noise (a noisy quantile would
        // fire heads-ups early), and the same state always gives the same estimate.
        // (Folding a newcomer's issue counts it: the same draws as once it is folded.)
        var seed = UInt64(state.issueSequence + (newcomer == nil ? 0 : 1)) &* 0x9E37_79B9_7F4A_7C15
        if let only { for b in only.utf8 { seed = (seed ^ UInt64(b)) &* 0x100_0000_01B3 } }
        rng = SplitMix64(seed: seed)
    }

    /// A joiner's call delays in class `k`, sorted (one per replicate).
    func sortedJoinDelays(class k: Int) -> [Double] {
        joinDelay[(k * replicates)..<((k + 1) * replicates)].sorted()
    }

    /// Hands the working arrays back for the next projection (`ProjectionBuffers`); this
    /// projection has none left.
    mutating func takeBuffers() -> ProjectionBuffers {
        var buffers = ProjectionBuffers()
        swap(&buffers.samples, &samples)
        swap(&buffers.joinDelay, &joinDelay)
        swap(&buffers.queueData, &queueData)
        swap(&buffers.targetOfRank, &targetOfRank)
        swap(&buffers.issuedAtOfRank, &issuedAtOfRank)
        return buffers
    }

    /// Widens class `k`'s room (a replicate's arrivals need more than the expected), doubling
    /// it up to the class's capacity; the classes after it move along.
    private mutating func widenQueue(_ k: Int) {
        let room = queueRoom[k]
        let extra = min(queueCapacity[k], max(2 * room, room + 64)) - room
        queueData.insert(contentsOf: repeatElement(0, count: extra), at: queueStart[k] + room)
        queueRoom[k] += extra
        for j in (k + 1)..<classCount { queueStart[j] += extra }
    }

    /// Samples of target `i`, sorted.
    mutating func sortedSamples(target i: Int) -> ArraySlice<Double> {
        let range = (i * replicates)..<((i + 1) * replicates)
        samples[range].sort()
        return samples[range]
    }

    mutating func simulate() {
        samples.refill(horizon, count: targets.count * replicates)
        let n = counters.count
        // Classes a window can call (a joiner of any other is never called): each replicate
        // looks until all of them have their joiner's call.
        var joinable = [Bool](repeating: false, count: classCount)
        if joiners {
            joinDelay.refill(horizon, count: classCount * replicates)
            for c in 0..<n {
                if case .unavailable = counters[c].start { continue }
                for j in windowOffset[c]..<windowOffset[c + 1] {
                    joinable[windowServices[j] * 2] = true
                    joinable[windowServices[j] * 2 + 1] = true
                }
            }
        }
        let joinableCount = joinable.reduce(0) { $0 + ($1 ? 1 : 0) }
        var joinPending = 0
        var joined = [Bool](repeating: false, count: classCount)
        var freeAt = [Double](repeating: .infinity, count: n)
        var length = queueBase
        var heads = [Int](repeating: 0, count: classCount)
        var sinceCounter = [Int](repeating: 0, count: n)
        let speeds = counters.map(\.speed)
        let serviceOrder = counters.map(\.serviceOrder)
        for r in 0..<replicates {
            for c in 0..<n {
                sinceCounter[c] = counters[c].since
                switch counters[c].start {
                case let .at(t): freeAt[c] = t
                case let .residual(tail): freeAt[c] = now + tail[rng.index(tail.count)]
                case let .exponential(mean): freeAt[c] = now + mean * rng.exponential()
                case let .tail(fit, elapsed, scale): freeAt[c] = now + scale * fit.residual(after: elapsed, u: rng.unit())
                case let .calling(served, unserved, chance, fit, scale):
                    if served.isEmpty || (!unserved.isEmpty && rng.unit() < chance) {
                        freeAt[c] = now + unserved[rng.index(unserved.count)]
                    } else {
                        let service = exp(fit.mu + fit.sigma * inverseNormalCDF(max(rng.unit(), 1e-12)))
                        freeAt[c] = now + served[rng.index(served.count)] + scale * service
                    }
                case .unavailable: freeAt[c] = .infinity
                }
                freeAt[c] += counters[c].callBacks
            }
            for k in 0..<classCount {
                heads[k] = 0
                length[k] = queueBase[k]
            }
            // Which appointments this replicate has taken, and which expected ones turn up
            // (no draw at all in a hall without appointments: its figures stay as they were).
            var taken = [Bool](repeating: false, count: appointments.count)
            var present = [Bool](repeating: true, count: appointments.count)
            for i in appointments.indices where appointments[i].rank < 0 { present[i] = rng.unit() < appointmentShow }
            var since = sinceHall
            var remaining = targets.count
            // Rank `waitingCount` is kept for a joiner: projected arrivals line up after it.
            var nextRank = waitingCount + (joiners ? 1 : 0)
            var nextArrival = drawArrival(after: now)
            let end = now + horizon
            if joiners {
                for k in 0..<classCount { joined[k] = !joinable[k] }
                joinPending = joinableCount
            }
            while remaining > 0 || joinPending > 0 {
                var c = -1
                var f = Double.infinity
                for i in 0..<n where freeAt[i] < f {
                    f = freeAt[i]
                    c = i
                }
                if c < 0 || f >= end { break }
                while nextArrival <= f {
                    let k = drawClass()
                    if length[k] < queueCapacity[k] {
                        if length[k] == queueRoom[k] { widenQueue(k) }
                        queueData[queueStart[k] + length[k]] = Int32(truncatingIfNeeded: nextRank)
                        length[k] += 1
                    }
                    nextRank += 1
                    nextArrival = drawArrival(after: nextArrival)
                }
                if !appointments.isEmpty, let i = appointment(for: c, at: f, taken: taken, present: present, early: false) {
                    // A due appointment first, and not counted in the interleave.
                    taken[i] = true
                    let rank = appointments[i].rank
                    if rank >= 0, targetOfRank[rank] >= 0 {
                        samples[targetOfRank[rank] * replicates + r] = f - now
                        remaining -= 1
                    }
                    freeAt[c] = f + drawOccupancy(appointments[i].service, speed: speeds[c])
                    continue
                }
                var s = hallScope ? since : sinceCounter[c]
                if joinPending > 0 {
                    // A class whose waiting tickets have all gone: would this window call a
                    // joiner of it now? (Its queue holds only arrivals, all ranked after one.)
                    for j in windowOffset[c]..<windowOffset[c + 1] {
                        for p in 0..<2 {
                            let k = windowServices[j] &* 2 &+ p
                            guard !joined[k], heads[k] >= queueBase[k] else { continue }
                            var t = s
                            guard select(window: c, serviceOrder: serviceOrder[c], heads: heads, length: length, since: &t, at: f, joinClass: k) == k else { continue }
                            joinDelay[k * replicates + r] = f - now
                            joined[k] = true
                            joinPending -= 1
                        }
                    }
                }
                let k = select(window: c, serviceOrder: serviceOrder[c], heads: heads, length: length, since: &s, at: f)
                if k < 0 {
                    if !appointments.isEmpty {
                        // Nobody else waits: an appointment checked in early is taken now;
                        // else the window waits for the next arrival or the next slot.
                        if let i = appointment(for: c, at: f, taken: taken, present: present, early: true) {
                            taken[i] = true
                            let rank = appointments[i].rank
                            if targetOfRank[rank] >= 0 {
                                samples[targetOfRank[rank] * replicates + r] = f - now
                                remaining -= 1
                            }
                            freeAt[c] = f + drawOccupancy(appointments[i].service, speed: speeds[c])
                            continue
                        }
                        let nextDue = nextAppointment(for: c, after: f, taken: taken, present: present)
                        freeAt[c] = min(nextArrival, nextDue)
                        continue
                    }
                    freeAt[c] = nextArrival   // idle until someone arrives (∞: never)
                    continue
                }
                if hallScope { since = s } else { sinceCounter[c] = s }
                let rank = Int(queueData[queueStart[k] + heads[k]])
                heads[k] += 1
                if rank < waitingCount, targetOfRank[rank] >= 0 {
                    samples[targetOfRank[rank] * replicates + r] = f - now
                    remaining -= 1
                }
                let d = drawOccupancy(k >> 1, speed: speeds[c])
                var next = f + d
                if breakRate > 0, inSession(next), rng.unit() < -expm1(-breakRate * d) {
                    next += breaks[rng.index(breaks.count)]
                }
                freeAt[c] = next
            }
        }
    }

    /// The first appointment window `c` would take at `t`: one due (slot come) that this
    /// replicate has, or with `early` one checked in but not yet due; nil when none.
    private func appointment(for c: Int, at t: Double, taken: [Bool], present: [Bool], early: Bool) -> Int? {
        let served = windowServices[windowOffset[c]..<windowOffset[c + 1]]
        for i in appointments.indices where !taken[i] && present[i] && served.contains(appointments[i].service) {
            if early ? appointments[i].rank >= 0 : appointments[i].due <= t { return i }
        }
        return nil
    }

    /// When the next appointment window `c` serves falls due after `t` (∞: none).
    private func nextAppointment(for c: Int, after t: Double, taken: [Bool], present: [Bool]) -> Double {
        let served = windowServices[windowOffset[c]..<windowOffset[c + 1]]
        for i in appointments.indices where !taken[i] && present[i] && appointments[i].due > t && served.contains(appointments[i].service) {
            return appointments[i].due
        }
        return .infinity
    }

    /// How long a call of `service` keeps a window of this speed busy.
    private mutating func drawOccupancy(_ service: Int, speed: Double) -> Double {
        guard composes, serviceFit[service] != nil else {
            return occupancy[service][rng.index(occupancy[service].count)] * speed
        }
        // One 64-bit draw split three ways (21 bits each): this is the projection's hot path.
        let r = rng.next()
        let mask: UInt64 = (1 << 21) - 1
        if unservedShare > 0, Double(r >> 43) * 0x1.0p-21 < unservedShare {
            return unserved[Int((((r >> 22) & mask) &* UInt64(unserved.count)) >> 21)]
        }
        let time = fitQuantiles[service * Self.fitLevels + Int(((r & mask) &* UInt64(Self.fitLevels)) >> 21)]
        return callToStart[Int((((r >> 22) & mask) &* UInt64(callToStart.count)) >> 21)] + time * speed
    }

    /// The class window `c` calls by the engine's call rule; -1 when none it serves is waiting.
    /// With `joinClass`, as if a joiner (rank `waitingCount`) headed that class.
    private func select(
        window c: Int, serviceOrder: Bool, heads: [Int], length: [Int], since: inout Int, at t: Double, joinClass: Int = -1
    ) -> Int {
        let first = windowOffset[c]
        let lines = ProjectedLines(
            first: first, count: windowOffset[c + 1] - first, windowServices: windowServices, queueData: queueData,
            queueStart: queueStart, heads: heads, length: length, issuedAtOfRank: issuedAtOfRank, agedRanks: issuedAtOfRank.count, now: t,
            joinClass: joinClass, joinRank: waitingCount
        )
        guard let choice = callRule.choose(from: lines, serviceOrder: serviceOrder, normalCallsSincePriority: since) else { return -1 }
        since = CallRule.normalCallsSincePriority(after: since, calledPriority: choice.priority)
        return windowServices[first + choice.service] &* 2 &+ (choice.priority ? 1 : 0)
    }

    private func inSession(_ t: Double) -> Bool {
        let u = t - midnight
        for (a, b) in sessions where u >= a && u < b { return true }
        return false
    }

    private mutating func drawClass() -> Int {
        let x = rng.unit() * (classCumulative.last ?? 1)
        var lo = 0, hi = classCumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if classCumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The next arrival after `t` of the piecewise-constant forecast stream (∞ if none).
    private mutating func drawArrival(after t: Double) -> Double {
        var e = rng.exponential()
        var b = Int((t - now) / bucket)
        var at = t
        while b < bucketRate.count {
            let bucketEnd = now + Double(b + 1) * bucket
            let capacity = bucketRate[b] * (bucketEnd - at)
            if e < capacity { return at + e / bucketRate[b] }
            e -= capacity
            at = bucketEnd
            b += 1
        }
        return .infinity
    }
}

/// One window's view of a replicate's class queues, for the call rule: line positions are the
/// ranks (tickets waiting now first, in line order; projected arrivals after them).
struct ProjectedLines: CallLines {
    let first: Int
    let count: Int
    let windowServices: [Int]
    let queueData: [Int32]
    let queueStart: [Int]
    let heads: [Int]
    let length: [Int]
    let issuedAtOfRank: [Double]
    /// Ranks below this have an issue time (those waiting now, and a joiner).
    let agedRanks: Int
    let now: Double
    /// The class a joiner heads (-1: none), and its rank.
    var joinClass = -1
    var joinRank = 0

    var serviceCount: Int { count }

    func head(service index: Int, priority: Bool) -> Int? {
        let k = windowServices[first &+ index] &* 2 &+ (priority ? 1 : 0)
        if k == joinClass { return joinRank }
        return heads[k] < length[k] ? Int(queueData[queueStart[k] &+ heads[k]]) : nil
    }

    /// Arrivals the projection invents carry no issue time: the guard is for those waiting now.
    func waited(rank: Int) -> Double? {
        rank < agedRanks ? now - issuedAtOfRank[rank] : nil
    }
}

extension Array {
    /// `count` copies of `value`, in the storage the array already has when it is big enough.
    mutating func refill(_ value: Element, count: Int) {
        removeAll(keepingCapacity: true)
        append(contentsOf: repeatElement(value, count: count))
    }
}
