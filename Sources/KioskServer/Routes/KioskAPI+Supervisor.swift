import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// The supervisor: AB-role covers, out-of-order calls, second chances, services and windows.
/// Every one of these events records who did it.
extension KioskAPI {
    func registerSupervisor(on router: Router<KioskRequestContext>) {
        supervisorWindowRoute(router, "cover", CoverRequest.self) { id, by, body in
            guard let covered = body.covered else { throw APIError.badRequest("missing_field", "缺少字段 Missing field \"covered\"") }
            try JSONBody.limit(covered, "covered", maxLength: 8)
            return .cover(counter: id, covered: covered, by: by)
        }
        supervisorWindowRoute(router, "uncover", CoverRequest.self) { id, by, body in
            try JSONBody.limit(body.covered, "covered", maxLength: 8)
            return .uncover(counter: id, covered: body.covered, by: by)
        }
        supervisorWindowRoute(router, "call-ticket", TicketChoiceRequest.self) { id, by, body in
            try JSONBody.limit(body.ticket, "ticket", maxLength: 8)
            return .callTicket(counter: id, ticket: body.ticket.uppercased(), by: by)
        }
        supervisorWindowRoute(router, "close", EmptyRequest.self) { id, _, _ in .closeCounter(counter: id) }
        supervisorWindowRoute(router, "open", EmptyRequest.self) { id, _, _ in .openCounter(counter: id) }
        router.post("/v1/tickets/:number/reactivate") { request, context in
            var request = request
            let role = try authorizeSupervisor(request)
            _ = try await JSONBody.read(EmptyRequest.self, from: &request)
            return JSONResponse.make(try await run(.reactivate(ticket: try ticketNumber(context), by: role.auditName)))
        }
        for (action, make) in [("close", true), ("reopen", false)] {
            router.post("/v1/services/:code/\(action)") { request, context in
                var request = request
                let role = try authorizeSupervisor(request)
                _ = try await JSONBody.read(EmptyRequest.self, from: &request)
                let code = String((context.parameters.get("code") ?? "").uppercased().prefix(8))
                let command: Command = make ? .closeService(service: code, by: role.auditName) : .reopenService(service: code, by: role.auditName)
                return JSONResponse.make(try await run(command))
            }
        }
    }

    /// `POST /v1/windows/{id}/{action}` for the supervisor only, with a `Body` read strictly;
    /// `command` gets the window, who authorised it (audited) and the body.
    func supervisorWindowRoute<Body: APIRequestBody>(
        _ router: Router<KioskRequestContext>, _ action: String, _ body: Body.Type,
        command: @escaping @Sendable (CounterID, String, Body) throws -> Command
    ) {
        router.post("/v1/windows/:id/\(action)") { request, context in
            var request = request
            let role = try authorizeSupervisor(request)
            let id = try windowID(context)
            return try await windowCommand(command(id, role.auditName, try await JSONBody.read(Body.self, from: &request)), window: id)
        }
    }

    @discardableResult
    func authorizeSupervisor(_ request: Request) throws -> Role {
        try authorize(request, "执行值班长操作 do supervisor actions") { $0 == .supervisor }
    }
}
