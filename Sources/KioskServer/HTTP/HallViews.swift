import Foundation
import KioskCore
import KioskStore

/// The API's JSON views of the hall. None carries a phone number or a name: tickets are
/// numbers, contacts are masked or a yes/no.
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

    /// Every service; with `estimates`, the wait of the last ticket in each line (what a ticket
    /// taken now would roughly face), in whole minutes.
    func services(in state: HallState, at now: Date, estimates: [WaitEstimate] = []) -> JSONValue {
        var longest: [ServiceCode: TimeInterval] = [:]
        for estimate in estimates {
            guard let service = state.tickets[estimate.ticket]?.service else { continue }
            longest[service] = max(longest[service] ?? 0, estimate.wait)
        }
        return .array(config.services.map { service in
            let issuing = issuing(service.code, in: state, at: now)
            var m: [(key: String, value: JSONValue)] = [
                ("code", .string(service.code)), ("name", .string(service.name)), ("name_en", .string(service.nameEN)),
                ("documents", .array(service.documents.map { .string($0) })),
                ("waiting", .number(Double(state.waitingCount(for: service.code)))),
                ("status", .string(issuing.status)),
            ]
            if let message = issuing.message { m.append(("status_message", .string(message))) }
            if !estimates.isEmpty || state.waitingCount(for: service.code) == 0 {
                m.append(("estimate_min", .number(((longest[service.code] ?? 0) / 60).rounded())))
            }
            if let quota = service.dailyQuota {
                m.append(("daily_quota", .number(Double(quota))))
                m.append(("issued_today", .number(Double(state.issuedCount[service.code, default: 0]))))
            }
            return .object(m)
        })
    }

    func ticket(_ ticket: Ticket, in state: HallState, estimate: WaitEstimate? = nil) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [
            ("ticket", .string(ticket.number)), ("service", .string(ticket.service)),
            ("service_name", .string(config.service(ticket.service)?.name ?? ticket.service)),
            ("priority", .bool(ticket.priority)), ("state", .string(ticket.state.name)),
            ("issued_at", .string(clock(ticket.issuedAt))),
        ]
        if let ahead = state.peopleAhead(of: ticket.number) { m.append(("people_ahead", .number(Double(ahead)))) }
        if let counter = ticket.state.counter {
            m.append(("counter", .string(counter)))
            m.append(("counter_name", .string(config.counter(counter)?.name ?? counter)))
        }
        if case let .called(_, calls, _) = ticket.state { m.append(("calls", .number(Double(calls)))) }
        if let estimate { m += estimateMembers(estimate) }
        return .object(m)
    }

    /// A ticket's estimate: whole minutes, the likely range, and why.
    func estimateMembers(_ estimate: WaitEstimate) -> [(key: String, value: JSONValue)] {
        [
            ("estimate_min", .number((estimate.wait / 60).rounded())),
            ("estimate_low_min", .number((estimate.low / 60).rounded(.down))),
            ("estimate_high_min", .number((estimate.high / 60).rounded(.up))),
            ("explanation", .string(estimate.explanation.chinese)),
            ("explanation_en", .string(estimate.explanation.english)),
        ]
    }

    /// Today's self-measured accuracy.
    func stats(_ summary: AccuracyLedger.Summary) -> JSONValue {
        func round2(_ x: Double) -> JSONValue { .number((x * 100).rounded() / 100) }
        return [
            "called_with_estimate": .number(Double(summary.called)),
            "mae_min": round2(summary.maeMinutes), "bias_min": round2(summary.biasMinutes),
            "under5_share": round2(summary.under5), "recent_mae_min": round2(summary.recentMAEMinutes),
            "heads_up": [
                "scored": .number(Double(summary.headsUpScored)), "on_time_share": round2(summary.headsUpOnTime),
                "early_share": round2(summary.headsUpEarly), "late_share": round2(summary.headsUpLate),
            ],
        ]
    }

    /// `sms`: the state of the current ticket's your-turn message, when it has one.
    func window(_ id: CounterID, in state: HallState, at now: Date, sms: String? = nil) -> JSONValue {
        let live = state.counters[id] ?? CounterState(id: id)
        var m: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("name", .string(config.counter(id)?.name ?? id)),
            ("services", .array(CallRule(config: config).services(of: id, in: state).map { .string($0) })),
        ]
        switch live.availability {
        case .open: m.append(("status", "open"))
        case let .paused(_, until):
            m.append(("status", "paused"))
            if let until { m.append(("back_at", .string(String(clock(until).prefix(5))))) }
        case .closed: m.append(("status", "closed"))
        }
        m.append(("current", state.currentTicket(at: id).map { ticket($0, in: state) } ?? .null))
        if let sms, state.currentTicket(at: id) != nil { m.append(("sms", .string(sms))) }
        let eligible = CallRule(config: config).services(of: id, in: state)
        m.append(("waiting", .number(Double(state.waitingTickets.filter { eligible.contains($0.service) }.count))))
        m.append(("covering", .array(live.covering.map { .string($0) })))
        let parked = state.tickets.values.filter { if case .parked(id, _) = $0.state { true } else { false } }
            .sorted(by: Ticket.linesUpBefore).map { JSONValue.string($0.number) }
        m.append(("parked", .array(parked)))
        return .object(m)
    }

    func hall(_ state: HallState, recentCalls: [Hall.RecentCall], at now: Date, estimates: [WaitEstimate] = []) -> JSONValue {
        [
            "hall": [
                "name": .string(config.name), "name_en": .string(config.nameEN), "notice": .string(config.notice),
                "date": state.date.map { .string($0.description) } ?? .null, "clock": .string(String(clock(now).prefix(5))),
                "issuing": .bool(state.openSession != nil),
            ],
            "windows": .array(config.counters.map { window($0.id, in: state, at: now) }),
            "services": services(in: state, at: now, estimates: estimates),
            "calls": .array(recentCalls.map { call in
                [
                    "ticket": .string(call.ticket), "counter": .string(call.counter),
                    "counter_name": .string(config.counter(call.counter)?.name ?? call.counter), "at": .string(clock(call.at)),
                ]
            }),
        ]
    }

    /// A committed event as the live stream and command answers carry it: its trace line
    /// plus its journal sequence number.
    func event(_ event: HallEvent, seq: Int64?) -> JSONValue {
        let date = engine.calendar.businessDate(of: event.at)
        guard case var .object(m) = TraceCodec(calendar: engine.calendar, date: date).encode(event) else { return .null }
        // A `day` line already carries its date; a second "date" key would make the object invalid.
        if !m.contains(where: { $0.key == "date" }) { m.insert(("date", .string(date.description)), at: 0) }
        if let seq { m.insert(("seq", .number(Double(seq))), at: 0) }
        return .object(m)
    }
}
