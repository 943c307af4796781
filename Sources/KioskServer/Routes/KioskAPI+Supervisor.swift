import Foundation
import Hummingbird
import KioskAPI
import KioskCore

/// The supervisor: AB-role covers, out-of-order calls, second chances, services and windows.
/// Every one of these events records who did it.
extension KioskAPI {
    func registerSupervisor(on router: Router<BasicRequestContext>) {
        router.post("/v1/windows/:id/cover") { request, context in
            var request = request
            let role = try authorizeSupervisor(request)
            let id = try windowID(context)
            let body = try await JSONBody.read(CoverRequest.self, from: &request)
            guard let covered = body.covered else { throw APIError.badRequest("missing_field", "缺少字段 Missing field \"covered\"") }
            try JSONBody.limit(covered, "covered", maxLength: 8)
            return try await windowCommand(.cover(counter: id, covered: covered, by: role.auditName), window: id)
        }
        router.post("/v1/windows/:id/uncover") { request, context in
            var request = request
            let role = try authorizeSupervisor(request)
            let id = try windowID(context)
            let body = try await JSONBody.read(CoverRequest.self, from: &request)
            try JSONBody.limit(body.covered, "covered", maxLength: 8)
            return try await windowCommand(.uncover(counter: id, covered: body.covered, by: role.auditName), window: id)
        }
        router.post("/v1/windows/:id/call-ticket") { request, context in
            var request = request
            let role = try authorizeSupervisor(request)
            let id = try windowID(context)
            let body = try await JSONBody.read(TicketChoiceRequest.self, from: &request)
            try JSONBody.limit(body.ticket, "ticket", maxLength: 8)
            return try await windowCommand(.callTicket(counter: id, ticket: body.ticket.uppercased(), by: role.auditName), window: id)
        }
        router.post("/v1/windows/:id/close") { request, context in
            var request = request
            try authorizeSupervisor(request)
            let id = try windowID(context)
            _ = try await JSONBody.read(EmptyRequest.self, from: &request)
            return try await windowCommand(.closeCounter(counter: id), window: id)
        }
        router.post("/v1/windows/:id/open") { request, context in
            var request = request
            try authorizeSupervisor(request)
            let id = try windowID(context)
            _ = try await JSONBody.read(EmptyRequest.self, from: &request)
            return try await windowCommand(.openCounter(counter: id), window: id)
        }
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

    @discardableResult
    func authorizeSupervisor(_ request: Request) throws -> Role {
        try authorize(request, "执行值班长操作 do supervisor actions") { $0 == .supervisor }
    }
}
