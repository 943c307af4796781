import Foundation
import Hummingbird
import KioskAPI
import KioskCore
import KioskWeb

/// The ticket machine: take a ticket, cancel one.
extension KioskAPI {
    func registerKiosk(on router: Router<KioskRequestContext>) {
        router.post("/v1/tickets") { request, _ in
            var request = request
            let role = try authorize(request, "取号 issue tickets") { $0 == .kiosk || $0 == .supervisor }
            if role == .kiosk, let wait = kioskGuard.admitIssue(at: hall.now()) {
                metrics.recordRefused("rate_limited")
                throw APIError(.tooManyRequests, "rate_limited", "取号过于频繁,请稍候 The kiosk is issuing too fast; try again shortly", retryAfter: wait)
            }
            let body = try await JSONBody.read(IssueTicketRequest.self, from: &request)
            try JSONBody.limit(body.service, "service", maxLength: 8)
            try JSONBody.limit(body.phone, "phone", maxLength: 20)
            try JSONBody.limit(body.caretakerPhone, "caretaker_phone", maxLength: 20)
            let service = body.service.uppercased()
            let priority = body.priority ?? false
            let phone = try body.phone.map { text in
                guard let phone = PhoneNumber(text) else { throw APIError.badRequest("invalid_phone", "手机号格式不正确 \"phone\" is not a mainland mobile number (1[3-9] + 9 digits)") }
                return phone
            }
            let caretaker = try body.caretakerPhone.map { text in
                guard let phone = PhoneNumber(text) else { throw APIError.badRequest("invalid_phone", "家属手机号格式不正确 \"caretaker_phone\" is not a mainland mobile number") }
                return phone
            }
            let override = body.override ?? false
            if override && role != .supervisor { throw APIError.forbidden("只有值班长可以特批取号 Only a supervisor may override capacity rules") }
            let contact = (phone != nil || caretaker != nil) ? TicketContact(ticket: "", phone: phone, caretaker: caretaker) : nil
            let views = self.views
            // A retry of an issue whose answer was lost carries the same key: it gets the same
            // ticket, never a second one.
            let issueKey = try Self.issueKey(request, fingerprint: [
                service, priority ? "priority" : "normal", phone?.masked ?? "-", caretaker?.masked ?? "-", override ? role.auditName : "-",
            ].joined(separator: "|"))
            if let issueKey {
                do {
                    if let number = try await hall.claimIssueKey(issueKey) {
                        return try await reissuedAnswer(number, phone: phone, caretaker: caretaker)
                    }
                } catch is IdempotencyConflict {
                    throw APIError(.conflict, "idempotency_conflict", "该请求编号已用于另一次取号 This Idempotency-Key was used today for a different ticket request")
                }
            }
            let outcome: Hall.Outcome<TicketStatus?>
            do {
                // One decision in the hall: every capacity rule (quota, hours, a turn after
                // closing) on the state earlier issues left (a supervisor's override skips them).
                outcome = try await run(
                    .issue(service: service, priority: priority, contact: contact != nil, override: override ? role.auditName : nil), contact: contact,
                    issueKey: issueKey
                ) { state, _, events in
                    events.lazy.compactMap(\.issuedTicket).last.flatMap { state.tickets[$0] }.map { views.ticket($0, in: state) }
                }
            } catch {
                // Refused or not committed: the key is free for the retry.
                if let issueKey { await hall.finishIssue(issueKey, ticket: nil) }
                throw error
            }
            if let issueKey { await hall.finishIssue(issueKey, ticket: outcome.events.lazy.compactMap(\.issuedTicket).last) }
            guard var ticket = outcome.view else {
                throw APIError(.conflict, "not_issued", "未能取号 No ticket was issued")
            }
            if let estimate = outcome.printed { ticket.estimate = views.estimate(estimate) }
            // 不让百姓跑第二趟: the slip says which hall, which day, and where to wait.
            let date = outcome.events.first.map { hall.engine.calendar.businessDate(of: $0.at) }
            var answer = IssuedTicketAnswer(
                ticket: ticket, documents: config.service(ticket.service)?.documents ?? [],
                smsTo: phone?.masked, smsCaretaker: caretaker?.masked, hallName: config.name,
                date: date?.description,
                windows: config.counters.filter { $0.services.contains(ticket.service) }.map(\.name),
                materials: config.service(ticket.service)?.guide.map { $0.materials.map(GuideMaterialView.init) }
            )
            if let date { addPage(to: &answer, date: date) }
            if role == .kiosk, let date = outcome.events.first?.at {
                kioskGuard.recordIssued(ticket.ticket, on: hall.engine.calendar.businessDate(of: date), at: date)
            }
            return JSONResponse.make(answer, status: .created)
        }
        router.post("/v1/tickets/:number/cancel") { request, context in
            let role = try authorize(request, "取消 cancel tickets") { $0 == .kiosk || $0 == .supervisor }
            let number = try ticketNumber(context)
            if role == .kiosk {
                let now = hall.now()
                guard kioskGuard.mayCancel(number, on: hall.engine.calendar.businessDate(of: now), at: now) else {
                    throw APIError(.forbidden, "not_cancellable_here",
                        "取号机只能取消刚取的号 The kiosk may cancel only a ticket it issued in the last \(Int(config.limits.kioskCancelWithinSeconds / 60)) minutes; ask a supervisor")
                }
            }
            return JSONResponse.make(try await run(.cancel(ticket: number)))
        }
    }

    /// The request's `Idempotency-Key` (nil when it sent none); 400 when it is not 1–64
    /// visible ASCII characters.
    static func issueKey(_ request: Request, fingerprint: String) throws -> IssueKey? {
        guard let text = request.headers.first(where: { $0.name.canonicalName == "idempotency-key" })?.value else { return nil }
        guard IssueKey.isValid(text) else {
            throw APIError.badRequest("invalid_idempotency_key", "Idempotency-Key must be 1–64 visible ASCII characters")
        }
        return IssueKey(key: text, fingerprint: fingerprint)
    }

    /// The answer to a retried issue: the ticket the key already names, as it stands now.
    func reissuedAnswer(_ number: TicketNumber, phone: PhoneNumber?, caretaker: PhoneNumber?) async throws -> Response {
        let views = self.views
        let estimate = await hall.printedEstimate(for: number)
        guard var ticket = await hall.read({ state in state.tickets[number].map { views.ticket($0, in: state) } }) else {
            throw QueueError.unknownTicket(number).apiError
        }
        if let estimate { ticket.estimate = views.estimate(estimate) }
        var answer = IssuedTicketAnswer(
            ticket: ticket, documents: config.service(ticket.service)?.documents ?? [], smsTo: phone?.masked, smsCaretaker: caretaker?.masked,
            materials: config.service(ticket.service)?.guide.map { $0.materials.map(GuideMaterialView.init) }
        )
        if let date = await hall.read({ $0.date }) { addPage(to: &answer, date: date) }
        return JSONResponse.make(answer, status: .created)
    }

    /// The ticket page's address with its key, and the full one when the hall has a public
    /// address: what the ticket prints as a QR code.
    func addPage(to answer: inout IssuedTicketAnswer, date: BusinessDate) {
        let path = TicketPagePath(date: date.description, ticket: answer.ticket.ticket, key: pageKeys.key(date: date, ticket: answer.ticket.ticket)).page
        answer.pageURL = path
        answer.publicPageURL = config.publicURL.map { $0 + path }
    }
}
