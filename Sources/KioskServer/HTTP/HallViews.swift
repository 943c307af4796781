import Foundation
import KioskAPI
import KioskCore
import KioskStore

/// The API's views of the hall, as the shared KioskAPI types. None carries a phone number or
/// a name: tickets are numbers, contacts are masked or a yes/no.
struct HallViews {
    let engine: QueueEngine
    var config: HallConfig { engine.config }

    func clock(_ instant: Date) -> String {
        let s = Int(engine.calendar.secondsOfDay(instant))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    /// Whether `service` issues tickets now, asked of the engine itself (a dry run of an issue),
    /// so the answer can never disagree with what taking a ticket would do.
    func issuing(_ service: ServiceCode, in state: HallState, at now: Date) -> (status: String, message: String?) {
        do {
            _ = try engine.apply(.issue(service: service, priority: false), to: state, at: now)
            return ("open", nil)
        } catch {
            return (error.code, error.message)
        }
    }

    /// Every service; with the shared `projection` (when it has estimates), the longest
    /// estimated wait in each line (what a ticket taken now would roughly face), in whole minutes.
    func services(in state: HallState, at now: Date, projection: LineProjection? = nil, line: LineIndex? = nil) -> [ServiceStatus] {
        let line = line ?? LineIndex(state)
        let estimated = !(projection?.estimates.isEmpty ?? true)
        let longest = projection?.longestWait ?? [:]
        return config.services.map { service in
            let issuing = issuing(service.code, in: state, at: now)
            let waiting = line.waiting[service.code, default: 0]
            return ServiceStatus(
                code: service.code, name: service.name, nameEN: service.nameEN, documents: service.documents,
                waiting: waiting, status: issuing.status, statusMessage: issuing.message,
                estimateMin: estimated || waiting == 0 ? ((longest[service.code] ?? 0) / 60).rounded() : nil,
                dailyQuota: service.dailyQuota, issuedToday: service.dailyQuota.map { _ in state.issuedCount[service.code, default: 0] },
                hasGuide: service.guide != nil
            ).taking(appointments: service.appointmentsPerSlot > 0)
        }
    }

    /// A ticket's status; `isPublic` (the no-token status and the ticket page) leaves out
    /// whether it is a priority ticket.
    func ticket(_ ticket: Ticket, in state: HallState, estimate: WaitEstimate? = nil, isPublic: Bool = false) -> TicketStatus {
        var calls: Int?
        if case let .called(_, n, _) = ticket.state { calls = n }
        var status = TicketStatus(
            ticket: ticket.number, service: ticket.service, serviceName: config.service(ticket.service)?.name ?? ticket.service,
            priority: isPublic ? nil : ticket.priority, state: ticket.state.name, issuedAt: clock(ticket.issuedAt),
            peopleAhead: state.peopleAhead(of: ticket.number),
            counter: ticket.state.counter, counterName: ticket.state.counter.map { config.counter($0)?.name ?? $0 },
            calls: calls, acknowledged: ticket.acknowledged ? true : nil, estimate: estimate.map(self.estimate)
        )
        if !isPublic, let review = ticket.review { status.review = self.review(review) }
        status.appointmentTime = ticket.appointmentSlot.map { String(clock($0).prefix(5)) }
        return status
    }

    /// A ticket's case in review (即审), for staff.
    func review(_ review: ReviewCase) -> TicketStatus.Review {
        TicketStatus.Review(
            handedBy: review.handedBy, handedAt: clock(review.handedAt), note: review.note, reviewer: review.reviewer,
            decision: review.decision?.name, reason: review.decision?.reason
        )
    }

    /// A ticket's estimate: whole minutes, the likely range, and why.
    func estimate(_ estimate: WaitEstimate) -> TicketStatus.Estimate {
        TicketStatus.Estimate(
            minutes: (estimate.wait / 60).rounded(), lowMinutes: (estimate.low / 60).rounded(.down), highMinutes: (estimate.high / 60).rounded(.up),
            explanation: estimate.explanation.chinese, explanationEN: estimate.explanation.english
        )
    }

    /// Today's self-measured accuracy, and what SMS replies and escalation did.
    func stats(_ summary: AccuracyLedger.Summary, replies: ReplyFigures, reviews: ReviewFigures) -> StatsAnswer {
        StatsAnswer(summary, replies: replies, reviews: reviews)
    }

    /// `sms`: the state of the current ticket's your-turn message, when it has one.
    func window(_ id: CounterID, in state: HallState, at now: Date, sms: String? = nil, line: LineIndex? = nil) -> WindowStatus {
        let line = line ?? LineIndex(state)
        let live = state.counters[id] ?? CounterState(id: id)
        let eligible = CallRule(config: config).services(of: id, in: state)
        let current = state.currentTicket(at: id)
        var view = WindowStatus(
            id: id, name: config.counter(id)?.name ?? id, services: eligible,
            current: current.map { ticket($0, in: state) }, sms: current == nil ? nil : sms
        )
        switch live.availability {
        case .open: view.status = "open"
        case let .paused(_, until):
            view.status = "paused"
            view.backAt = until.map { String(clock($0).prefix(5)) }
        case .closed: view.status = "closed"
        }
        view.waiting = eligible.reduce(0) { $0 + line.waiting[$1, default: 0] }
        view.covering = live.covering
        let parked = line.parked[id, default: []].sorted(by: Ticket.linesUpBefore)
        view.parked = parked.map(\.number)
        let awaiting = parked.filter(\.escalated).map(\.number)
        view.awaiting = awaiting.isEmpty ? nil : awaiting
        view.rating = rateable(at: id, in: state, now: now)
        let inReview = line.inReview[id, default: []].map(\.number)
        view.inReview = inReview.isEmpty ? nil : inReview
        if config.isReviewer(id) {
            view.reviewQueue = engine.reviewQueue(for: id, in: state).count
            view.reviewing = live.reviewing.flatMap { state.tickets[$0] }.map { ticket($0, in: state) }
        }
        return view
    }

    func hall(_ state: HallState, recentCalls: [Hall.RecentCall], at now: Date, projection: LineProjection? = nil) -> HallSnapshot {
        // One pass over the line for every window and service (not one per window).
        let line = LineIndex(state)
        return HallSnapshot(
            hall: .init(
                name: config.name, nameEN: config.nameEN, notice: config.notice,
                date: state.date?.description, clock: String(clock(now).prefix(5)), issuing: state.openSession != nil
            ),
            windows: config.counters.map { window($0.id, in: state, at: now, line: line) },
            services: services(in: state, at: now, projection: projection, line: line),
            calls: recentCalls.map { call in
                .init(
                    ticket: call.ticket, counter: call.counter, counterName: config.counter(call.counter)?.name ?? call.counter, at: clock(call.at),
                    appointmentTime: state.tickets[call.ticket]?.appointmentSlot.map { String(clock($0).prefix(5)) }
                )
            }
        )
    }

    /// A committed event as the live stream and command answers carry it: its trace line
    /// plus its journal sequence number.
    func event(_ event: HallEvent, seq: Int64?) -> EventLine {
        let date = engine.calendar.businessDate(of: event.at)
        return EventLine(trace: TraceCodec(calendar: engine.calendar, date: date).encode(event), date: date.description, seq: seq)
    }
}
