import Foundation
import Hummingbird
import KioskCore

/// What a supervisor does from the console: the same hall commands as the window terminal's
/// supervisor keys and the API, each audited with the signed-in name (`supervisor 王芳`) —
/// in the journal where the event records who (covers, out-of-order calls, reactivations,
/// services), and in the daemon's log for every action.
extension ConsoleRoutes {
    func registerActions(on router: Router<KioskRequestContext>) {
        router.post("/console/windows/:id/:action") { request, context in
            await action(request) { session, form in
                let id = context.parameters.get("id") ?? ""
                guard api.config.counter(id) != nil else { throw QueueError.unknownCounter(String(id.prefix(8))).apiError }
                let by = session.auditName
                switch context.parameters.get("action") ?? "" {
                case "pause":
                    guard let text = try form.text("until", maxLength: 5) else { return .pause(counter: id, until: nil) }
                    guard let time = ClockTime(text) else { throw APIError.badRequest("invalid_field", "\"until\" must be HH:MM (hall time, today)") }
                    let calendar = api.hall.engine.calendar
                    return .pause(counter: id, until: calendar.instant(on: calendar.businessDate(of: api.hall.now()), at: time))
                case "resume": return .resume(counter: id)
                case "close": return .closeCounter(counter: id)
                case "open": return .openCounter(counter: id)
                case "cover":
                    guard let covered = try form.text("covered", maxLength: 8) else {
                        throw APIError.badRequest("missing_field", "缺少字段 Missing field \"covered\"")
                    }
                    return .cover(counter: id, covered: covered, by: by)
                case "uncover": return .uncover(counter: id, covered: try form.text("covered", maxLength: 8), by: by)
                default: throw APIError(.notFound, "unknown_action", "没有这个操作 No such window action")
                }
            }
        }
        router.post("/console/call-ticket") { request, _ in
            await action(request) { session, form in
                guard let window = try form.text("window", maxLength: 8), let ticket = try form.text("ticket", maxLength: 8) else {
                    throw APIError.badRequest("missing_field", "缺少窗口或号码 Name a window and a ticket")
                }
                guard api.config.counter(window) != nil else { throw QueueError.unknownCounter(window).apiError }
                return .callTicket(counter: window, ticket: ticket.uppercased(), by: session.auditName)
            }
        }
        router.post("/console/tickets/:number/reactivate") { request, context in
            await action(request) { session, _ in
                .reactivate(ticket: try api.ticketNumber(context), by: session.auditName)
            }
        }
        router.post("/console/services/:code/:action") { request, context in
            await action(request) { session, _ in
                let code = String((context.parameters.get("code") ?? "").uppercased().prefix(8))
                switch context.parameters.get("action") ?? "" {
                case "close": return .closeService(service: code, by: session.auditName)
                case "reopen": return .reopenService(service: code, by: session.auditName)
                default: throw APIError(.notFound, "unknown_action", "没有这个操作 No such service action")
                }
            }
        }
    }

    /// A checked POST (session, CSRF) by a supervisor, turned into a hall command by `command`,
    /// run as the API runs it; then back to the hall page (303), or the refusal as a page.
    func action(_ request: Request, command: @escaping @Sendable (ConsoleSession, ConsoleForm) async throws -> Command) async -> Response {
        await refusalsAsPages(request, session: session(request)) {
            var request = request
            let (session, form) = try await checkedPost(&request)
            guard session.role == .supervisor else {
                throw APIError.forbidden("无权操作 An admin's console shows the hall; acting on it is the supervisor's")
            }
            let command = try await command(session, form)
            let answer = try await api.run(command)
            logger.notice("console action", metadata: [
                "console.user": "\(session.user)", "path": "\(request.uri.path)",
                "events": "\(answer.events.compactMap(\.kind).joined(separator: ","))",
            ])
            return ConsoleResponse.seeOther("/console")
        }
    }
}
