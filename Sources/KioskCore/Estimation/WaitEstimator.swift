import Foundation

/// Predicts, for every waiting ticket, when it will be called: a fold over committed events
/// that learns the hall's rhythm, and a projection of the current line through the windows.
///
/// The projection is the counter-level queue-length predictor (each window frees at its
/// expected time and takes the ticket the configured call rule would take), run as a small
/// Monte Carlo over what the hall has shown so far: window occupancy per service drawn from
/// recent observations (walk-up, recalls and no-shows included), the residual of services in
/// progress and of breaks under way given how long they have lasted, future breaks at the
/// observed rate, and future arrivals at the previous days' profile scaled to today's volume
/// (priority tickets overtake; `service_order` windows prefer their first service). The
/// printed figure is a quantile a little above the median, because an under-estimate hurts
/// more than an over-estimate; the range is the 20th–80th percentile; the heads-up moment is
/// when the call becomes plausibly near (see `Options`).
///
/// Pure: no clock, no I/O. Time comes in as `now`; randomness is a generator seeded from the
/// state, so the same state at the same instant always gives the same estimate.
public struct WaitEstimator: Sendable {
    public private(set) var config: HallConfig
    public let calendar: HallCalendar
    public var options: Options
    public private(set) var statistics = WaitStatistics()

    // What the fold needs to turn events into durations (today only).
    /// Piecewise: the hall publishes the estimator after each commit and folds on, and a plain
    /// dictionary would then be copied whole, every ticket of the day, at each commit.
    private var ticketService: PiecewiseDictionary<TicketNumber, ServiceCode> = [:]
    private var calledAt: [CounterID: Double] = [:]
    private var startedAt: [CounterID: Double] = [:]
    /// The ticket each window holds since its call: a no-show of a ticket set aside there
    /// earlier says nothing about the window's current call.
    private var holding: [CounterID: TicketNumber] = [:]
    /// Windows whose call now is a call back from review (the second service, learned apart).
    private var callingBack: Set<CounterID> = []
    private var pausedAt: [CounterID: Double] = [:]
    private var closed: Set<CounterID> = []
    /// The last issue folded, so a check-in committed right after it can take it back out of
    /// the walk-in arrivals.
    private var lastIssue: (ticket: TicketNumber, key: WaitStatistics.ClassKey)?
    private var lastEventAt: Double?
    private var currentDate: BusinessDate?
    private var midnight: Double = 0

    public init(config: HallConfig, options: Options = Options()) {
        self.config = config
        self.options = options
        self.calendar = QueueEngine(config: config).calendar
    }

    /// Projects with `config` from now on (a live config change: windows, services, the call
    /// rule); what was learned stays. The time zone is the same (a change of it needs a restart).
    public mutating func adopt(_ config: HallConfig) {
        self.config = config
    }

    /// Tuning knobs. The defaults are reasoned from the queue's mechanics, not fitted per hall.
    public struct Options: Sendable, Equatable {
        /// Monte Carlo replicates for one ticket's estimate (the printed figure; it stops as soon
        /// as that ticket is called, so it is cheap).
        public var replicates = 48
        /// Replicates for a full re-estimate of every waiting ticket (after every event; keeps
        /// 150 tickets at 10 windows under a millisecond). Common random numbers keep it steady.
        public var refreshReplicates = 24
        /// The printed estimate: a quantile of the predicted wait, slightly above the median
        /// (an under-estimate costs the citizen more than an over-estimate).
        public var printQuantile = 0.55
        /// The range shown with it.
        public var lowQuantile = 0.2
        public var highQuantile = 0.8
        /// Heads-up: send it when there is a `headsUpQuantile` chance that the call comes within
        /// `headsUpLead` seconds. Errs early: a late heads-up makes a citizen miss the call.
        public var headsUpQuantile = 0.2
        public var headsUpLead: Double = 420
        /// When set, the heads-up goes out at the moment that puts the most replicate calls
        /// 5–15 min later, each call sooner than 5 min counting this many times against it
        /// (instead of the quantile rule above).
        public var headsUpLatePenalty: Double? = nil
        /// How far ahead the projection looks (seconds); beyond it a ticket gets the horizon.
        public var horizon: Double = 6 * 3600
        /// Occupancy guess before the hall has shown anything (seconds).
        public var priorOccupancy: Double = 420
        /// 即审: a call back's length (call back → window free) before the hall has shown one.
        public var priorSecondService: Double = 120
        /// Samples kept per learned duration.
        public var sampleCapacity = 200
        /// Print-friendly rounding of the printed wait (seconds).
        public var printRounding: Double = 60

        public init() {}
    }

    // MARK: - Fold

    /// Learns from one committed event. Call it for every event, in order (today's and, first,
    /// those of previous days, each followed by `closeDay()`).
    public mutating func fold(_ event: HallEvent) {
        let at = event.at.timeIntervalSince1970
        if case .dayStarted = event.kind {
            closeDay()
        } else {
            let date = calendar.businessDate(of: event.at)
            if date != currentDate {
                if currentDate != nil { closeDay() }
                currentDate = date
                midnight = calendar.midnight(of: date).timeIntervalSince1970
            }
        }
        if let last = lastEventAt, at > last {
            // Windows counted only for time inside a session (a restart folds the whole day).
            let overlap = sessionOverlap(last - midnight, at - midnight)
            if overlap > 0 { statistics.staffedSeconds += Double(staffedWindows) * overlap }
        }
        lastEventAt = max(lastEventAt ?? at, at)

        switch event.kind {
        case let .dayStarted(date):
            currentDate = date
            midnight = calendar.midnight(of: date).timeIntervalSince1970
        case let .issued(ticket, service, priority, _, _):
            ticketService[ticket] = service
            statistics.todayIssueTimes.append(at - midnight)
            statistics.classCounts[.init(service: service, priority: priority), default: 0] += 1
            lastIssue = (ticket, .init(service: service, priority: priority))
        case let .called(ticket, counter, _), let .unparked(ticket, counter):
            calledAt[counter] = at
            startedAt[counter] = nil
            holding[counter] = ticket
            callingBack.remove(counter)
        case let .calledBack(ticket, counter):
            calledAt[counter] = at
            startedAt[counter] = nil
            holding[counter] = ticket
            callingBack.insert(counter)
        case let .started(_, counter):
            startedAt[counter] = at
            if let call = calledAt[counter] { statistics.callToStart.add(at - call) }
        case let .finished(_, counter) where callingBack.contains(counter):
            // A second service: its own samples, not the service's (it would look short).
            if let call = calledAt[counter] { statistics.secondService.add(at - call) }
            calledAt[counter] = nil
            startedAt[counter] = nil
            holding[counter] = nil
            callingBack.remove(counter)
        case let .finished(ticket, counter), let .handedToReview(ticket, counter, _):
            if let service = ticketService[ticket], let start = startedAt[counter] {
                let seconds = at - start
                let usual = statistics.service[service]?.mean ?? seconds
                statistics.service[service, default: SampleWindow(capacity: options.sampleCapacity)].add(seconds)
                statistics.speedObserved[counter, default: 0] += seconds
                statistics.speedExpected[counter, default: 0] += usual
            }
            windowFreed(counter, ticket: ticket, at: at)
            statistics.servedCalls += 1
        case let .noShow(ticket, counter, _), let .parked(ticket, counter), let .escalated(ticket, counter):
            if let held = holding[counter], held != ticket { break }   // set aside earlier, not the window's call
            if let call = calledAt[counter], startedAt[counter] == nil {
                statistics.unserved.add(at - call)
                statistics.unservedCalls += 1
            }
            windowFreed(counter, ticket: ticket, at: at)
        case let .transferred(ticket, counter, from, to):
            if let call = calledAt[counter] {
                statistics.occupancy[from, default: SampleWindow(capacity: options.sampleCapacity)].add(at - call)
            }
            calledAt[counter] = nil
            startedAt[counter] = nil
            holding[counter] = nil
            ticketService[ticket] = to
        case let .paused(counter, _):
            pausedAt[counter] = at
            statistics.breakCount += 1
        case let .resumed(counter):
            if let since = pausedAt.removeValue(forKey: counter) { statistics.breaks.add(at - since) }
            closed.remove(counter)
        case let .counterClosed(counter):
            pausedAt[counter] = nil
            closed.insert(counter)
        case let .counterOpened(counter):
            closed.remove(counter)
        case let .appointmentCheckedIn(_, _, ticket, slot):
            guard slot != nil else { break }   // released: an ordinary walk-in, counted as one
            statistics.appointmentsShown += 1
            // A booked arrival is not a walk-in: the projection expects today's bookings from
            // the book, so counting their check-ins in the arrival profile (today's volume, the
            // mix, the days after) would expect them twice.
            if let last = lastIssue, last.ticket == ticket, !statistics.todayIssueTimes.isEmpty {
                statistics.todayIssueTimes.removeLast()
                statistics.classCounts[last.key, default: 1] -= 1
                if statistics.classCounts[last.key] == 0 { statistics.classCounts[last.key] = nil }
            }
        case .appointmentReleased:
            statistics.appointmentsReleased += 1
        default:
            break
        }
    }

    /// Ends a business day (the warm-start days, or at midnight): breaks still open count as
    /// observed, today's arrivals join the profile, the day's bookkeeping is dropped.
    public mutating func closeDay() {
        if let last = lastEventAt {
            for (_, since) in pausedAt.sorted(by: { $0.key < $1.key }) { statistics.breaks.add(last - since) }
        }
        statistics.closeDay()
        ticketService = [:]
        calledAt = [:]
        startedAt = [:]
        pausedAt = [:]
        closed = []
        lastIssue = nil
        lastEventAt = nil
        currentDate = nil
    }

    private mutating func windowFreed(_ counter: CounterID, ticket: TicketNumber, at: Double) {
        if let call = calledAt[counter], let service = ticketService[ticket] {
            statistics.occupancy[service, default: SampleWindow(capacity: options.sampleCapacity)].add(at - call)
        }
        calledAt[counter] = nil
        startedAt[counter] = nil
        holding[counter] = nil
        callingBack.remove(counter)
    }

    private var staffedWindows: Int {
        // By index: each window's id read in place, not a copy of its whole config per event.
        var staffed = 0
        for index in config.counters.indices {
            let id = config.counters[index].id
            if pausedAt[id] == nil && !closed.contains(id) { staffed += 1 }
        }
        return staffed
    }

    /// Seconds of [a, b] (seconds of day) inside the hall's sessions.
    func sessionOverlap(_ a: Double, _ b: Double) -> Double {
        var total = 0.0
        for span in config.sessions {
            let lo = max(a, span.start.seconds), hi = min(b, span.end.seconds)
            if hi > lo { total += hi - lo }
        }
        return total
    }
}
