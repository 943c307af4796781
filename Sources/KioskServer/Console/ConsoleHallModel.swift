import Foundation
import KioskAPI
import KioskCore

/// What the console's hall page shows, worked out from one published snapshot: every window,
/// every line against its target, and what needs the supervisor now (alerts).
struct ConsoleHallModel: Sendable, Equatable {
    struct Window: Sendable, Equatable {
        var id: String
        var name: String
        /// `open`, `paused`, `closed`.
        var status: String
        var statusText: String
        /// The ticket at the window and what is happening with it (`叫号 called`, `办理中 serving`).
        var current: String?
        var currentState: String?
        /// Hall time the ticket was called or its service began, `HH:MM`.
        var since: String?
        var backAt: String?
        /// Names of the windows it covers, and of those covering it.
        var covering: [String]
        var coveredBy: [String]
        /// Ids of the windows it covers (for scripts and tests; the page shows names).
        var coveringIDs: [String]
        var waiting: Int
        var services: [String]
        var parked: [String]
        /// Priority tickets set aside because the citizen did not answer the call (未确认).
        var awaiting: [String]
        /// Other windows it could cover now (not itself, not already covered by it).
        var canCover: [(id: String, name: String)]

        static func == (a: Window, b: Window) -> Bool {
            a.id == b.id && a.status == b.status && a.current == b.current && a.since == b.since && a.covering == b.covering
                && a.coveredBy == b.coveredBy && a.waiting == b.waiting && a.backAt == b.backAt && a.parked == b.parked
                && a.awaiting == b.awaiting
        }
    }

    struct Line: Sendable, Equatable {
        var code: String
        var name: String
        var waiting: Int
        /// The longest wait in line now, whole minutes; nil with nobody waiting.
        var longestWaitMin: Int?
        var targetMin: Int
        var overTarget: Bool
        var estimateMin: Int?
        /// `open` or why the kiosk does not issue it (`closed` by a supervisor, outside its hours, quota reached).
        var status: String
        var closedBySupervisor: Bool
    }

    struct Alert: Sendable, Equatable {
        /// `over_target`, `idle_with_waiting`, `clock`, `journal`, `unanswered`.
        var kind: String
        var text: String
    }

    var hallName: String
    var date: String
    var clock: String
    var issuing: Bool
    var windows: [Window]
    var lines: [Line]
    var alerts: [Alert]
    /// Tickets a supervisor may put back in line (no-shows recent enough), newest first.
    var reactivatable: [String]

    static func make(snapshot: PublishedHall.Snapshot, estimates: [WaitEstimate], health: HallHealth, at now: Date) -> ConsoleHallModel {
        let engine = snapshot.engine, config = engine.config, state = snapshot.state, calendar = engine.calendar
        let view = HallViews(engine: engine).hall(state, recentCalls: snapshot.recentCalls, at: now, estimates: estimates)
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
            return Window(
                id: w.id, name: w.name, status: w.status, statusText: statusText, current: w.current?.ticket, currentState: currentState,
                since: since, backAt: w.backAt, covering: w.covering.map(name), coveredBy: (coveredBy[w.id] ?? []).map(name), coveringIDs: w.covering,
                waiting: w.waiting, services: w.services, parked: w.parked, awaiting: w.awaiting ?? [],
                canCover: config.counters.map(\.id).filter { $0 != w.id && !w.covering.contains($0) }.map { ($0, name($0)) }
            )
        }

        var longest: [ServiceCode: TimeInterval] = [:]
        for ticket in state.waitingTickets { longest[ticket.service] = max(longest[ticket.service] ?? 0, now.timeIntervalSince(ticket.issuedAt)) }
        let lines = view.services.map { s -> Line in
            let target = config.targets.minutes(for: s.code)
            let longestMin = longest[s.code].map { Int(($0 / 60).rounded(.down)) }
            return Line(
                code: s.code, name: s.name, waiting: s.waiting, longestWaitMin: longestMin, targetMin: target,
                overTarget: (longest[s.code] ?? 0) > TimeInterval(target * 60), estimateMin: s.estimateMin.flatMap { ShownMinutes.whole($0) },
                status: s.statusMessage ?? s.status, closedBySupervisor: state.closedServices.contains(s.code)
            )
        }

        var alerts: [Alert] = []
        for line in lines where line.overTarget {
            alerts.append(Alert(kind: "over_target", text: "\(line.code) \(line.name): 最长已等 \(line.longestWaitMin ?? 0) 分钟，超过目标 \(line.targetMin) 分钟 longest wait \(line.longestWaitMin ?? 0) min, target \(line.targetMin) min"))
        }
        for window in windows where window.status == "open" && window.current == nil && window.waiting > 0 {
            alerts.append(Alert(kind: "idle_with_waiting", text: "\(window.name) 空闲，但有 \(window.waiting) 人在等它的业务 idle while \(window.waiting) wait for its services"))
        }
        for window in windows where !window.awaiting.isEmpty {
            alerts.append(Alert(kind: "unanswered", text: "\(window.name): \(window.awaiting.joined(separator: ", ")) 老年人叫号未确认 priority call not answered"))
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

        return ConsoleHallModel(
            hallName: config.name, date: view.hall.date ?? "—", clock: view.hall.clock, issuing: view.hall.issuing,
            windows: windows, lines: lines, alerts: alerts, reactivatable: reactivatable
        )
    }
}
