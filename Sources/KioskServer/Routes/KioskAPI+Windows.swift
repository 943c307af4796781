import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// A clerk at a window (the window's own token) or a supervisor.
extension KioskAPI {
    func registerWindows(on router: Router<BasicRequestContext>) {
        router.get("/v1/windows/:id") { request, context in
            let id = try authorizeWindow(request, context)
            let views = self.views, now = hall.now()
            let (date, current) = await hall.read { ($0.date, $0.currentTicket(at: id)?.number) }
            let sms = await yourTurnSMS(current, on: date, window: id)
            return JSONResponse.make(await hall.read { views.window(id, in: $0, at: now, sms: sms) })
        }
        let simple: [(String, @Sendable (CounterID) -> Command)] = [
            ("call", { .callNext(counter: $0) }), ("recall", { .recall(counter: $0) }), ("start", { .start(counter: $0) }),
            ("finish", { .finish(counter: $0) }), ("noshow", { .noShow(counter: $0) }), ("park", { .park(counter: $0) }),
            ("resume", { .resume(counter: $0) }),
        ]
        for (action, command) in simple {
            router.post("/v1/windows/:id/\(action)") { request, context in
                var request = request
                let id = try authorizeWindow(request, context)
                _ = try await JSONBody.read(EmptyRequest.self, from: &request)
                return try await windowCommand(command(id), window: id)
            }
        }
        router.post("/v1/windows/:id/transfer") { request, context in
            var request = request
            let id = try authorizeWindow(request, context)
            let body = try await JSONBody.read(TransferRequest.self, from: &request)
            try JSONBody.limit(body.service, "service", maxLength: 8)
            return try await windowCommand(.transfer(counter: id, to: body.service.uppercased()), window: id)
        }
        router.post("/v1/windows/:id/unpark") { request, context in
            var request = request
            let id = try authorizeWindow(request, context)
            let body = try await JSONBody.read(TicketChoiceRequest.self, from: &request)
            try JSONBody.limit(body.ticket, "ticket", maxLength: 8)
            return try await windowCommand(.unpark(counter: id, ticket: body.ticket.uppercased()), window: id)
        }
        router.post("/v1/windows/:id/pause") { request, context in
            var request = request
            let id = try authorizeWindow(request, context)
            let body = try await JSONBody.read(PauseRequest.self, from: &request)
            try JSONBody.limit(body.until, "until", maxLength: 5)
            var until: Date?
            if let text = body.until {
                guard let time = ClockTime(text) else { throw APIError.badRequest("invalid_field", "\"until\" must be HH:MM (hall time, today)") }
                let now = hall.now()
                until = hall.engine.calendar.instant(on: hall.engine.calendar.businessDate(of: now), at: time)
            }
            return try await windowCommand(.pause(counter: id, until: until), window: id)
        }
    }

    /// The window in the path, if the caller may act on it: a window's clerk only on their own
    /// window, a supervisor on any. The token is checked before the window is looked up, so a
    /// caller without one gets a 401 whatever the path, never a 404 that tells windows apart.
    func authorizeWindow(_ request: Request, _ context: BasicRequestContext) throws -> CounterID {
        try authorize(request, "操作窗口 act on windows") { role in
            if case .window = role { return true }
            return role == .supervisor
        }
        let id = try windowID(context)
        try authorize(request, "操作\(id)号窗口 act on window \(id)") { $0 == .window(id) || $0 == .supervisor }
        return id
    }

    /// Runs a command for window `id` and answers with its events and the window after them.
    func windowCommand(_ command: Command, window id: CounterID) async throws -> Response {
        let views = self.views, now = hall.now()
        let outcome = try await run(command) { state, _, _ in views.window(id, in: state, at: now) }
        return JSONResponse.make(WindowCommandAnswer(events: eventLines(outcome), window: outcome.view))
    }
}
