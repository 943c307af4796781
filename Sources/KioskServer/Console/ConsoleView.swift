import Foundation
import KioskAPI
import KioskCore
import KioskWeb

/// The console's pages, rendered with the daemon's templates (`web/templates/console-*.mustache`,
/// escaped by mustache) from KioskWeb's page models.
struct ConsoleView: Sendable {
    let templates: WebTemplates
    let hallName: String

    enum Tab { case none, hall, figures }

    func frame(_ session: ConsoleSession?, tab: Tab = .none) -> ConsoleFrame {
        var frame = ConsoleFrame(
            hallName: hallName, session: session.map { .init(user: $0.user, role: $0.role.rawValue, csrf: $0.csrf) }
        )
        frame.onHall = tab == .hall
        frame.onFigures = tab == .figures
        return frame
    }

    /// `model` through template `name`; every shipped template parses (a KioskWeb test), so a
    /// missing one is a build that should never have shipped.
    func render(_ model: Any, _ name: String) -> String {
        templates.render(model, with: name) ?? "<!doctype html><title>console</title><p>template \(name) missing</p>"
    }

    func signIn(csrf: String, name: String, message: String?) -> String {
        render(ConsoleSignInPage(frame: frame(nil), csrf: csrf, name: name, message: message), "console-sign-in")
    }

    func refused(status: Int, code: String, message: String, session: ConsoleSession?) -> String {
        render(ConsoleRefusedPage(frame: frame(session), status: status, code: code, message: message), "console-refused")
    }

    func hall(_ part: ConsoleHallPart, session: ConsoleSession) -> String {
        render(ConsoleHallPage(frame: frame(session, tab: .hall), hall: part), "console-hall")
    }

    func hallPart(_ part: ConsoleHallPart) -> String {
        render(part, "console-hall-part")
    }

    func figures(today: HallReport.Figures, followUps: FollowUpList, session: ConsoleSession) -> String {
        func minutes(_ seconds: Double?) -> String { seconds.map { "\(Int(($0 / 60).rounded())) 分 min" } ?? "—" }
        let tiles: [ConsoleFiguresPage.Tile] = [
            .init(id: "issued", label: "取号 Issued", value: "\(today.issued)"),
            .init(id: "served", label: "办结 Served", value: "\(today.served)"),
            .init(id: "no-show", label: "过号 No-shows", value: "\(today.noShow)"),
            .init(id: "wait-p50", label: "等候中位 Wait p50", value: minutes(today.waitP50)),
            .init(id: "wait-p90", label: "等候 p90 Wait p90", value: minutes(today.waitP90)),
            .init(id: "within-target", label: "达标 Within target", value: today.withinTargetShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"),
        ]
        let rows = followUps.followups.map { f in
            ConsoleFiguresPage.FollowUpRow(
                id: f.id, date: f.date, ticket: f.ticket, service: f.service, window: f.window, score: f.score, label: f.label,
                reason: f.reason ?? "", due: f.due, overdue: f.overdue == true
            )
        }
        return render(ConsoleFiguresPage(
            frame: frame(session, tab: .figures), tiles: tiles, today: followUps.today, followUps: rows,
            canAct: session.role == .supervisor, csrf: session.csrf
        ), "console-figures")
    }
}
