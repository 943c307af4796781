import Foundation
import Hummingbird
import KioskCore

/// The ticket machine: take a ticket, cancel one.
extension KioskAPI {
    func registerKiosk(on router: Router<BasicRequestContext>) {
        router.post("/v1/tickets") { request, _ in
            var request = request
            let role = try authorize(request, "取号 issue tickets") { $0 == .kiosk || $0 == .supervisor }
            let body = try await JSONBody.read(&request, allowed: ["service", "priority", "phone", "caretaker_phone", "override"])
            let service = try body.string("service", required: true, maxLength: 8)!.uppercased()
            let priority = try body.bool("priority") ?? false
            let phone = try body.string("phone", maxLength: 20).map { text in
                guard let phone = PhoneNumber(text) else { throw APIError.badRequest("invalid_phone", "手机号格式不正确 \"phone\" is not a mainland mobile number (1[3-9] + 9 digits)") }
                return phone
            }
            let caretaker = try body.string("caretaker_phone", maxLength: 20).map { text in
                guard let phone = PhoneNumber(text) else { throw APIError.badRequest("invalid_phone", "家属手机号格式不正确 \"caretaker_phone\" is not a mainland mobile number") }
                return phone
            }
            let override = try body.bool("override") ?? false
            if override && role != .supervisor { throw APIError.forbidden("只有值班长可以特批取号 Only a supervisor may override capacity rules") }
            let contact = (phone != nil || caretaker != nil) ? TicketContact(ticket: "", phone: phone, caretaker: caretaker) : nil
            let views = self.views
            let outcome = try await run(
                .issue(service: service, priority: priority, contact: contact != nil, override: override ? role.auditName : nil), contact: contact
            ) { state, _, events in
                guard let number = events.lazy.compactMap(\.issuedTicket).last, let ticket = state.tickets[number] else { return .null }
                return views.ticket(ticket, in: state)
            }
            guard case var .object(m) = outcome.view, let number = outcome.view["ticket"]?.stringValue else {
                throw APIError(.conflict, "not_issued", "未能取号 No ticket was issued")
            }
            if let estimate = outcome.printed { m += views.estimateMembers(estimate) }
            let queue = outcome.view["service"]?.stringValue ?? service
            m.append(("documents", .array((config.service(queue)?.documents ?? []).map { .string($0) })))
            m.append(("status_url", .string("/v1/tickets/\(number)")))
            if let phone { m.append(("sms_to", .string(phone.masked))) }
            if let caretaker { m.append(("sms_caretaker", .string(caretaker.masked))) }
            return JSONResponse.make(.object(m), status: .created)
        }
        router.post("/v1/tickets/:number/cancel") { request, context in
            try authorize(request, "取消 cancel tickets") { $0 == .kiosk || $0 == .supervisor }
            let outcome = try await run(.cancel(ticket: try ticketNumber(context)))
            return JSONResponse.make(["events": eventsJSON(outcome)])
        }
    }
}
