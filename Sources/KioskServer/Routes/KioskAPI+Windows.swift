import Foundation
import Hummingbird
import KioskCore

/// A clerk at a window (the window's own token) or a supervisor.
extension KioskAPI {
    func registerWindows(on router: Router<BasicRequestContext>) {
        router.get("/v1/windows/:id") { request, context in
            let id = try windowID(context)
            try authorizeWindow(request, id)
            return JSONResponse.make(views.window(id, in: await hall.state, at: hall.now()))
        }
        let simple: [(String, @Sendable (CounterID) -> Command)] = [
            ("call", { .callNext(counter: $0) }), ("recall", { .recall(counter: $0) }), ("start", { .start(counter: $0) }),
            ("finish", { .finish(counter: $0) }), ("noshow", { .noShow(counter: $0) }), ("park", { .park(counter: $0) }),
            ("resume", { .resume(counter: $0) }),
        ]
        for (action, command) in simple {
            router.post("/v1/windows/:id/\(action)") { request, context in
                var request = request
                let id = try windowID(context)
                try authorizeWindow(request, id)
                _ = try await JSONBody.read(&request, allowed: [])
                return try await answer(try await run(command(id)), window: id)
            }
        }
        router.post("/v1/windows/:id/transfer") { request, context in
            var request = request
            let id = try windowID(context)
            try authorizeWindow(request, id)
            let body = try await JSONBody.read(&request, allowed: ["service"])
            let service = try body.string("service", required: true, maxLength: 8)!.uppercased()
            return try await answer(try await run(.transfer(counter: id, to: service)), window: id)
        }
        router.post("/v1/windows/:id/unpark") { request, context in
            var request = request
            let id = try windowID(context)
            try authorizeWindow(request, id)
            let body = try await JSONBody.read(&request, allowed: ["ticket"])
            let ticket = try body.string("ticket", required: true, maxLength: 8)!.uppercased()
            return try await answer(try await run(.unpark(counter: id, ticket: ticket)), window: id)
        }
        router.post("/v1/windows/:id/pause") { request, context in
            var request = request
            let id = try windowID(context)
            try authorizeWindow(request, id)
            let body = try await JSONBody.read(&request, allowed: ["until"])
            var until: Date?
            if let text = try body.string("until", maxLength: 5) {
                guard let time = ClockTime(text) else { throw APIError.badRequest("invalid_field", "\"until\" must be HH:MM (hall time, today)") }
                let now = hall.now()
                until = hall.engine.calendar.instant(on: hall.engine.calendar.businessDate(of: now), at: time)
            }
            return try await answer(try await run(.pause(counter: id, until: until)), window: id)
        }
    }

    /// A window's clerk may act only on their own window; a supervisor on any.
    func authorizeWindow(_ request: Request, _ id: CounterID) throws {
        try authorize(request, "操作\(id)号窗口 act on window \(id)") { $0 == .window(id) || $0 == .supervisor }
    }

    func answer(_ outcome: Hall.Outcome, window id: CounterID) async throws -> Response {
        JSONResponse.make(["events": eventsJSON(outcome), "window": views.window(id, in: outcome.state, at: hall.now())])
    }
}
