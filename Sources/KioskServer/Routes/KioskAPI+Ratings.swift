import Foundation
import Hummingbird
import KioskCore
import KioskStore

/// 好差评: the rating pad at a window rates its last finished ticket (the window's own token:
/// staff may not rate for citizens); supervisors follow up every 差评.
extension KioskAPI {
    func registerRatings(on router: Router<BasicRequestContext>) {
        router.post("/v1/windows/:id/rating") { request, context in
            var request = request
            // Only the window's own token: a supervisor or admin rating would be staff rating themselves.
            try authorize(request, "代替群众评价 rate on a citizen's behalf") { if case .window = $0 { return true }; return false }
            let id = try windowID(context)
            try authorize(request, "评价\(id)号窗口 rate window \(id)") { $0 == .window(id) }
            let body = try await JSONBody.read(&request, allowed: ["score", "reason"])
            let score = try body.int("score", required: true)!
            guard RatingScale.scores.contains(score) else { throw APIError.badRequest("invalid_field", "\"score\" must be 1–5") }
            let reason = try body.string("reason", maxLength: 200)
            let outcome = try await run(.rate(counter: id, score: score, reason: reason))
            guard let event = outcome.events.last, case let .rated(ticket, counter, service, score, reason) = event.kind else {
                throw APIError(.conflict, "nothing_to_rate", QueueError.nothingToRate(id).message)
            }
            var answer: [(key: String, value: JSONValue)] = [
                ("ticket", .string(ticket)), ("window", .string(counter)), ("service", .string(service)),
                ("score", .number(Double(score))), ("label", .string(RatingScale.label(score))),
                ("reason", reason.map { .string($0) } ?? .null),
            ]
            if RatingScale.isBad(score) {
                let date = hall.engine.calendar.businessDate(of: event.at)
                let due = WorkingDays(holidays: config.holidays).adding(FollowUp.workingDaysAllowed, after: date)
                answer.append(("follow_up", ["id": .string(FollowUp.id(date: date, ticket: ticket)), "due": .string(due.description)]))
            }
            return JSONResponse.make(.object(answer), status: .created)
        }

        router.get("/v1/ratings/followups") { request, _ in
            try authorize(request, "查看差评整改 read follow-ups") { $0 == .supervisor || $0 == .admin }
            let all = request.uri.queryParameters.get("all") == "true"
            let book = try hall.journal.followUpBook(holidays: config.holidays)
            let today = hall.engine.calendar.businessDate(of: hall.now())
            let items = all ? book.items : book.open
            return JSONResponse.make(["today": .string(today.description), "followups": .array(items.map { item in
                guard case var .object(members) = item.jsonValue else { return item.jsonValue }
                members.append(("overdue", .bool(item.isOverdue(on: today))))
                return .object(members)
            })])
        }

        router.post("/v1/ratings/followups/:id/close") { request, context in
            var request = request
            let role = try authorize(request, "整改差评 close follow-ups") { $0 == .supervisor }
            let body = try await JSONBody.read(&request, allowed: ["note"])
            let note = try body.string("note", required: true, maxLength: 500)!
            guard !note.allSatisfy(\.isWhitespace) else { throw APIError.badRequest("invalid_field", "\"note\" must say what was done") }
            let id = context.parameters.get("id") ?? ""
            let closed = try await followUps.close(id: id, note: note, by: role.auditName, api: self)
            return JSONResponse.make(closed.jsonValue)
        }
    }
}

/// Closes follow-ups one at a time, so two supervisors cannot both close the same one (the
/// check reads the journal, and a close being committed is not in it yet).
actor FollowUpDesk {
    private var closing: Set<String> = []

    func close(id: String, note: String, by: String, api: KioskAPI) async throws -> FollowUp {
        guard let (date, ticket) = FollowUp.parseID(id) else {
            throw APIError(.notFound, "unknown_followup", "没有该差评整改 No such follow-up: \(id.prefix(20))")
        }
        let canonical = FollowUp.id(date: date, ticket: ticket)
        let holidays = api.config.holidays
        guard let item = try api.hall.journal.followUpBook(holidays: holidays).followUp(canonical) else {
            throw APIError(.notFound, "unknown_followup", "没有该差评整改 No such follow-up: \(canonical)")
        }
        guard !item.isClosed, !closing.contains(canonical) else {
            throw APIError(.conflict, "followup_closed", "该差评已整改 Follow-up \(canonical) is already closed")
        }
        closing.insert(canonical)
        defer { closing.remove(canonical) }
        _ = try await api.run(.closeFollowUp(ratedOn: date, ticket: ticket, note: note, by: by))
        return try api.hall.journal.followUpBook(holidays: holidays).followUp(canonical) ?? item
    }
}
