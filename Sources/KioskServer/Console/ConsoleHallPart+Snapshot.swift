import Foundation
import KioskAPI
import KioskCore
import KioskWeb

/// The console hall page's live part, worked out from one published snapshot: every window,
/// every line against its target, and what needs the supervisor now (alerts).
extension ConsoleHallPart {
    static func make(snapshot: PublishedHall.Snapshot, projection: LineProjection, health: HallHealth, at now: Date, session: ConsoleSession) -> ConsoleHallPart {
        let engine = snapshot.engine, config = engine.config, state = snapshot.state, calendar = engine.calendar
        let view = HallViews(engine: engine).hall(state, recentCalls: snapshot.recentCalls, at: now, projection: projection)
        func clock(_ instant: Date) -> String { String(EventText.clock(instant, calendar).prefix(5)) }
        func name(_ id: CounterID) -> String { config.counter(id)?.name ?? id }

        var coveredBy: [CounterID: [CounterID]] = [:]
        for window in view.windows { for covered in window.covering { coveredBy[covered, default: []].append(window.id) } }
        let windows = view.windows.map { w -> Window in
            var since: String?, currentState: String?
            if let number = w.current?.ticket, let ticket = state.tickets[number] {
                switch ticket.state {
                case let .called(_, _, at): since = clock(ticket.firstCalledAt ?? at); currentState = "叫号 called"
                case let .serving(_, at): since = clock(at); currentState = "办理中 serving"
                default: break
                }
            }
            let statusText = ["open": "开放 open", "paused": "暂停 paused", "closed": "关闭 closed"][w.status] ?? w.status
            let awaiting = w.awaiting ?? []
            return Window(
                id: w.id, name: w.name, status: w.status, statusText: statusText, current: w.current?.ticket, currentState: currentState,
                since: since, backAt: w.backAt, servicesText: w.services.joined(separator: " "),
                parkedText: w.parked.isEmpty ? nil : w.parked.joined(separator: " "), awaitingText: awaiting.isEmpty ? nil : awaiting.joined(separator: " "),
                covering: w.covering.map(name), coveredBy: (coveredBy[w.id] ?? []).map(name), coveringIDs: w.covering.joined(separator: ","),
                waiting: w.waiting,
                coverChoices: config.counters.map(\.id).filter { $0 != w.id && !w.covering.contains($0) }.map { Choice(id: $0, name: name($0)) }
            )
        }

        var longest: [ServiceCode: TimeInterval] = [:]
        for ticket in state.waitingTickets { longest[ticket.service] = max(longest[ticket.service] ?? 0, now.timeIntervalSince(ticket.issuedAt)) }
        let lines = view.services.map { s -> Line in
            let target = config.targets.minutes(for: s.code)
            let longestMin = longest[s.code].map { Int(($0 / 60).rounded(.down)) }
            return Line(
                code: s.code, name: s.name, waiting: s.waiting, longestText: longestMin.map { "\($0) 分 min" } ?? "—", targetMin: target,
                estimateText: s.estimateMin.flatMap { ShownMinutes.whole($0) }.map { "\($0) 分 min" } ?? "—",
                status: s.statusMessage ?? s.status, overTarget: (longest[s.code] ?? 0) > TimeInterval(target * 60),
                closedBySupervisor: state.closedServices.contains(s.code)
            )
        }

        var alerts: [Alert] = []
        for line in lines where line.overTarget {
            let waited = Int(((longest[line.code] ?? 0) / 60).rounded(.down))
            alerts.append(Alert(kind: "over_target", text: "\(line.code) \(line.name): 最长已等 \(waited) 分钟，超过目标 \(line.targetMin) 分钟 longest wait \(waited) min, target \(line.targetMin) min"))
        }
        for window in windows where window.isOpen && window.current == nil && window.waiting > 0 {
            alerts.append(Alert(kind: "idle_with_waiting", text: "\(window.name) 空闲，但有 \(window.waiting) 人在等它的业务 idle while \(window.waiting) wait for its services"))
        }
        for window in windows {
            guard let awaiting = window.awaitingText else { continue }
            alerts.append(Alert(kind: "unanswered", text: "\(window.name): \(awaiting) 老年人叫号未确认 priority call not answered"))
        }
        if health.clockWarning {
            alerts.append(Alert(kind: "clock", text: "电脑时钟跳变，请核对时间 The PC's clock stepped: check the time, then confirm it (kiosk clock confirm)"))
        }
        let journal = health.journalHealth
        if journal.state != "ok" {
            alerts.append(Alert(kind: "journal", text: "日志异常 Journal \(journal.state) (\(journal.quarantinedRows) rows set aside)"))
        }

        let window = TimeInterval(config.noShowReactivationMinutes * 60)
        let reactivatable = state.tickets.values.compactMap { ticket -> (TicketNumber, Date)? in
            if case let .noShow(at) = ticket.state, now.timeIntervalSince(at) <= window { return (ticket.number, at) }
            return nil
        }.sorted { $0.1 > $1.1 }.map(\.0)

        return ConsoleHallPart(
            hallName: config.name, date: view.hall.date ?? "—", clock: view.hall.clock, issuing: view.hall.issuing,
            windows: windows, lines: lines, alerts: alerts, reactivatable: reactivatable,
            canAct: session.role == .supervisor, csrf: session.csrf
        )
    }
}

extension ConsoleHallPart.Advice {
    /// `advice` as the console shows it: a supervisor's move is taken by the console's own
    /// window action (audited with the signed-in name); a service added is an admin's command.
    init(_ advice: StaffingAdvice, config: HallConfig) {
        let move = advice.move
        let action: String? = switch move.kind {
        case .resume: "resume"
        case .open: "open"
        case .cover: "cover"
        case .endCover: "uncover"
        case .addService: nil
        }
        self.init(
            id: move.id.replacingOccurrences(of: ":", with: "-"), text: advice.text(in: config), textEN: advice.textEN(in: config),
            command: move.commandLine(), formAction: action.map { "/console/windows/\(move.window)/\($0)" }, covered: move.fromWindow
        )
    }
}
