import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// A clerk at a window (the window's own token) or a supervisor.
extension KioskAPI {
    func registerWindows(on router: Router<KioskRequestContext>) {
        router.get("/v1/windows/:id") { request, context in
            let id = try authorizeWindow(request, context)
            let views = self.views, now = hall.now()
            let (date, current) = await hall.read { ($0.date, $0.currentTicket(at: id)?.number) }
            let sms = await yourTurnSMS(current, on: date, window: id)
            var view = await hall.read { views.window(id, in: $0, at: now, sms: sms) }
            view.clock = clockWarning
            return JSONResponse.make(view)
        }
        for action in WindowAction.allCases {
            router.post("/v1/windows/:id/\(action.rawValue)") { request, context in
                var request = request
                let id = try authorizeWindow(request, context)
                _ = try await JSONBody.read(EmptyRequest.self, from: &request)
                return try await windowCommand(action.command(counter: id), window: id)
            }
        }
        windowRoute(router, "transfer", TransferRequest.self) { id, body in
            try JSONBody.limit(body.service, "service", maxLength: 8)
            return .transfer(counter: id, to: body.service.uppercased())
        }
        windowRoute(router, "unpark", TicketChoiceRequest.self) { id, body in
            try JSONBody.limit(body.ticket, "ticket", maxLength: 8)
            return .unpark(counter: id, ticket: body.ticket.uppercased())
        }
        windowRoute(router, "noshow-awaiting", TicketChoiceRequest.self) { id, body in
            try JSONBody.limit(body.ticket, "ticket", maxLength: 8)
            return .noShowAwaiting(counter: id, ticket: body.ticket.uppercased())
        }
        windowRoute(router, "review", ReviewHandOffRequest.self) { id, body in
            try JSONBody.limit(body.note, "note", maxLength: 100)
            let note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines)
            return .handToReview(counter: id, note: note?.isEmpty == false ? note : nil)
        }
        windowRoute(router, "review/next", EmptyRequest.self) { id, _ in .takeReview(reviewer: id) }
        windowRoute(router, "review/approve", EmptyRequest.self) { id, _ in .approveReview(reviewer: id) }
        windowRoute(router, "review/return", ReviewReturnRequest.self) { id, body in
            guard let reason = ReviewReason.checked(body.reason) else {
                throw APIError.badRequest("invalid_field", "退回原因须为1到\(ReviewReason.maxLength)个字 \"reason\" must be 1–\(ReviewReason.maxLength) characters on one line")
            }
            return .returnReview(reviewer: id, reason: reason)
        }
        windowRoute(router, "pause", PauseRequest.self) { id, body in
            try JSONBody.limit(body.until, "until", maxLength: 5)
            guard let text = body.until else { return .pause(counter: id, until: nil) }
            guard let time = ClockTime(text) else { throw APIError.badRequest("invalid_field", "\"until\" must be HH:MM (hall time, today)") }
            let calendar = hall.engine.calendar
            return .pause(counter: id, until: calendar.instant(on: calendar.businessDate(of: hall.now()), at: time))
        }
    }

    /// `POST /v1/windows/{id}/{action}` with a `Body`: the window's clerk (or a supervisor) acts,
    /// the body read strictly, then `command` turns window and body into the engine's command.
    func windowRoute<Body: APIRequestBody>(
        _ router: Router<KioskRequestContext>, _ action: String, _ body: Body.Type,
        command: @escaping @Sendable (CounterID, Body) throws -> Command
    ) {
        router.post("/v1/windows/:id/\(action)") { request, context in
            var request = request
            let id = try authorizeWindow(request, context)
            return try await windowCommand(command(id, try await JSONBody.read(Body.self, from: &request)), window: id)
        }
    }

    /// The window in the path, if the caller may act on it: a window's clerk only on their own
    /// window, a supervisor on any. The token is checked before the window is looked up, so a
    /// caller without one gets a 401 whatever the path, never a 404 that tells windows apart.
    func authorizeWindow(_ request: Request, _ context: KioskRequestContext) throws -> CounterID {
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
        var view = outcome.view
        view.clock = clockWarning
        return JSONResponse.make(WindowCommandAnswer(events: eventLines(outcome), window: view))
    }

    /// What a window's answer says of the clock: `warning` while the hall's clock warning
    /// stands (the clerk sees it and tells the supervisor), nothing otherwise.
    var clockWarning: String? {
        hall.health.clockWarning ? "warning" : nil
    }
}
