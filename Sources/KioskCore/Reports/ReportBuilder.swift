import Foundation

/// The hall's report as one fold over committed events, day by day: fed from a hall's
/// journal (`kiosk report`, `GET /v1/reports`) or from the central database (`kiosk central
/// report`), both through `ReportInput`, so every place that shows a figure computes it the
/// same way.
///
/// Definitions (README, "Reports"): a ticket's wait is issue → first call, counted for the
/// service it was issued for; service time is the last start → finish (plus the service before each 即审 hand-off), counted for the
/// service and window that finished it; within-target is the share of called tickets whose
/// wait was at most their service's `targets` minutes; a window's open time runs from the
/// day's first session opening to the day's last event, split into serving (a ticket called
/// or in service), idle and paused; closed time is not open time. Percentiles are nearest-rank.
public struct ReportBuilder: Sendable {
    public let config: HallConfig
    private let engine: QueueEngine

    var hall = ReportFigures()
    var services: [ServiceCode: ReportFigures] = [:]
    var windows: [CounterID: ReportFigures] = [:]
    var windowTime: [CounterID: WindowTime] = [:]
    /// By half hour of the day (index = seconds of day / 1800): arrivals and finishes.
    var halfHours: [Int: ReportFigures] = [:]
    /// By hour of issue: the waits of the tickets that arrived in it.
    var hours: [Int: ReportFigures] = [:]
    var ratings: [Rating] = []
    var replies = ReplyFigures()
    /// The same, by the service each ticket was issued for.
    var repliesByService: [ServiceCode: ReplyFigures] = [:]
    /// 即审: cases handed over, reviewed, waits and times, by service.
    var reviews = ReviewFigures()
    /// Appointments (预约): how bookings ended on their slot's day, and their waits beside the walk-ins'.
    var appointments: AppointmentReportFigures
    var accuracyOutcomes: [AccuracyLedger.Outcome] = []
    /// Staffing advice given to supervisors, and taken (the command it named followed).
    var advice = AdviceLedger()
    var days: [BusinessDate] = []
    /// The newest day's window timelines, seconds of day.
    var timeline: [CounterID: [WindowSegment]] = [:]

    // The day being folded.
    private var day: BusinessDate?
    private var state: HallState
    private var tickets: [TicketNumber: TicketTrack] = [:]
    private var ledger = AccuracyLedger()
    private var openSince: Date?
    private var lastAt: Date?

    /// What the fold remembers of a ticket during its day.
    private struct TicketTrack {
        var issuedAt: Date
        var issuedFor: ServiceCode
        var service: ServiceCode
        var firstCall: Date?
        var lastStart: Date?
        /// 即审: service before each hand-off to review, counted with the service that finishes it.
        var servedBeforeReview: Double = 0
    }

    public init(config: HallConfig) {
        self.config = config
        engine = QueueEngine(config: config)
        state = engine.initialState()
        appointments = AppointmentReportFigures(calendar: engine.calendar)
    }

    /// Starts the fold of `date`: `printed` are the estimates printed that day (for the
    /// accuracy figures; empty when a source has none). Days come in date order.
    public mutating func beginDay(_ date: BusinessDate, printed: [PrintedEstimate] = []) {
        finishDay()
        day = date
        days.append(date)
        state = engine.initialState()
        tickets = [:]
        ledger = AccuracyLedger()
        let dayStart = HallEvent(at: engine.calendar.midnight(of: date), .dayStarted(date))
        ledger.fold(dayStart)
        // Numbers restart each day: no reply figure may carry a ticket across.
        for service in repliesByService.keys { repliesByService[service]?.fold(dayStart) }
        reviews.fold(dayStart)
        appointments.fold(dayStart)
        advice.fold(dayStart)
        for p in printed { ledger.recordPrinted(p) }
        openSince = nil
        lastAt = nil
        timeline = [:]
    }

    /// Folds one committed event of the current day.
    public mutating func fold(_ event: HallEvent) {
        guard let day else { return }
        accountWindows(until: event.at)
        replies.fold(event)
        reviews.fold(event)
        appointments.fold(event)
        // A live config change is judged by the report's config (the hall's newest, usually).
        advice.fold(event, config: config)
        if let number = event.ticket, let service = tickets[number]?.issuedFor {
            repliesByService[service, default: ReplyFigures()].fold(event)
        }
        let kind = event.kind
        let at = event.at
        switch kind {
        case let .issued(number, service, _, _, _):
            tickets[number] = TicketTrack(issuedAt: at, issuedFor: service, service: service)
            hall.issued += 1
            services[service, default: ReportFigures()].issued += 1
            halfHours[slot(at), default: ReportFigures()].issued += 1
        case let .called(number, _, _):
            guard var track = tickets[number], track.firstCall == nil else { break }
            track.firstCall = at
            tickets[number] = track
            let wait = at.timeIntervalSince(track.issuedAt)
            let within = wait <= Double(config.targets.minutes(for: track.issuedFor) * 60)
            func add(_ f: inout ReportFigures) {
                f.waits.append(wait)
                if within { f.withinTarget += 1 }
            }
            add(&hall)
            add(&services[track.issuedFor, default: ReportFigures()])
            add(&hours[hourOfDay(track.issuedAt), default: ReportFigures()])
        case let .started(number, _):
            tickets[number]?.lastStart = at
        case let .finished(number, counter):
            guard let track = tickets[number] else { break }
            var serve = track.lastStart.map { at.timeIntervalSince($0) }
            if track.servedBeforeReview > 0 { serve = (serve ?? 0) + track.servedBeforeReview }
            func add(_ f: inout ReportFigures) {
                f.served += 1
                if let serve { f.serves.append(serve) }
            }
            add(&hall)
            add(&services[track.service, default: ReportFigures()])
            add(&windows[counter, default: ReportFigures()])
            halfHours[slot(at), default: ReportFigures()].served += 1
            tickets[number]?.lastStart = nil
        case let .noShow(number, _, _):
            guard let track = tickets[number] else { break }
            hall.noShow += 1
            services[track.service, default: ReportFigures()].noShow += 1
        case let .cancelled(number):
            guard let track = tickets[number] else { break }
            hall.cancelled += 1
            services[track.service, default: ReportFigures()].cancelled += 1
        case let .transferred(number, _, from, to):
            hall.transferred += 1
            services[from, default: ReportFigures()].transferred += 1
            tickets[number]?.service = to
            tickets[number]?.lastStart = nil
        case let .handedToReview(number, _, _):
            if let start = tickets[number]?.lastStart { tickets[number]?.servedBeforeReview += at.timeIntervalSince(start) }
            tickets[number]?.lastStart = nil
        case .rated:
            if let rating = Rating(event, on: day) { ratings.append(rating) }
        case .sessionOpened:
            if openSince == nil { openSince = at }
        default:
            break
        }
        engine.fold(event, into: &state)
        ledger.fold(event)
        lastAt = max(lastAt ?? at, at)
    }

    /// Closes the current day: window time up to its last event, the accuracy outcomes.
    mutating func finishDay() {
        guard day != nil else { return }
        accuracyOutcomes += ledger.outcomes
        day = nil
    }

    /// Adds the time since the previous event to each configured window's current state.
    private mutating func accountWindows(until at: Date) {
        guard let openSince, let from = lastAt, at > from else { return }
        let start = max(from, openSince)
        guard at > start else { return }
        let seconds = at.timeIntervalSince(start)
        let startOfDay = engine.calendar.secondsOfDay(start)
        for counter in config.counters {
            guard let c = state.counters[counter.id] else { continue }
            let name: String
            switch c.availability {
            case .closed: continue
            case .paused: name = "paused"; windowTime[counter.id, default: WindowTime()].paused += seconds
            case .open:
                if c.current != nil {
                    name = "serving"; windowTime[counter.id, default: WindowTime()].serving += seconds
                } else {
                    name = "idle"; windowTime[counter.id, default: WindowTime()].idle += seconds
                }
            }
            var segments = timeline[counter.id, default: []]
            if let last = segments.last, last.state == name, last.end == startOfDay {
                segments[segments.count - 1].end = startOfDay + seconds
            } else {
                segments.append(WindowSegment(start: startOfDay, end: startOfDay + seconds, state: name))
            }
            timeline[counter.id] = segments
        }
    }

    private func slot(_ at: Date) -> Int { Int(engine.calendar.secondsOfDay(at) / 1800) }
    private func hourOfDay(_ at: Date) -> Int { Int(engine.calendar.secondsOfDay(at) / 3600) }
}
