import Foundation
import Hummingbird
import KioskAPI
import KioskCore
import KioskStore

/// 好差评: the rating pad at a window rates its last finished ticket (the window's own token:
/// staff may not rate for citizens); supervisors follow up every 差评.
extension KioskAPI {
    func registerRatings(on router: Router<KioskRequestContext>) {
        router.post("/v1/windows/:id/rating") { request, context in
            var request = request
            // Only the window's own token: a supervisor or admin rating would be staff rating themselves.
            try authorize(request, "代替群众评价 rate on a citizen's behalf") { if case .window = $0 { return true }; return false }
            let id = try windowID(context)
            try authorize(request, "评价\(id)号窗口 rate window \(id)") { $0 == .window(id) }
            let body = try await JSONBody.read(RatingRequest.self, from: &request)
            guard RatingScale.scores.contains(body.score) else { throw APIError.badRequest("invalid_field", "\"score\" must be 1–5") }
            try JSONBody.limit(body.reason, "reason", maxLength: 200)
            let outcome = try await run(.rate(counter: id, score: body.score, reason: body.reason)) { _, _, _ in () }
            guard let event = outcome.events.last, case let .rated(ticket, counter, service, score, reason) = event.kind else {
                throw APIError(.conflict, "nothing_to_rate", QueueError.nothingToRate(id).message)
            }
            var answer = RatingAnswer(
                ticket: ticket, window: counter, service: service, score: score, label: RatingScale.label(score), reason: reason
            )
            if RatingScale.isBad(score) {
                let date = hall.engine.calendar.businessDate(of: event.at)
                let due = WorkingDays(holidays: config.holidays).adding(FollowUp.workingDaysAllowed, after: date)
                answer.followUp = .init(id: FollowUp.id(date: date, ticket: ticket), due: due.description)
            }
            return JSONResponse.make(answer, status: .created)
        }

        router.get("/v1/ratings/followups") { request, _ in
            try authorize(request, "查看差评整改 read follow-ups") { $0 == .supervisor || $0 == .admin }
            let all = request.uri.queryParameters.get("all") == "true"
            let book = try await hall.journal.followUpBook(holidays: config.holidays)
            let today = hall.engine.calendar.businessDate(of: hall.now())
            let items = all ? book.items : book.open
            return JSONResponse.make(FollowUpList(today: today.description, followups: items.map { HallViews.followUp($0, today: today) }))
        }

        router.post("/v1/ratings/followups/:id/close") { request, context in
            var request = request
            let role = try authorize(request, "整改差评 close follow-ups") { $0 == .supervisor }
            let note = try await JSONBody.read(FollowUpCloseRequest.self, from: &request).note
            try JSONBody.limit(note, "note", maxLength: 500)
            guard !note.allSatisfy(\.isWhitespace) else { throw APIError.badRequest("invalid_field", "\"note\" must say what was done") }
            let id = context.parameters.get("id") ?? ""
            let closed = try await closeFollowUp(id: id, note: note, by: role.auditName)
            return JSONResponse.make(HallViews.followUp(closed))
        }
    }
}

extension KioskAPI {
    /// Closes follow-up `id` with `note` (the route and the console): one close wins.
    func closeFollowUp(id: String, note: String, by audit: String) async throws -> FollowUp {
        let holidays = config.holidays
        return try await followUps.close(
            id: id,
            lookup: { try await hall.journal.followUpBook(holidays: holidays).followUp($0) },
            commit: { date, ticket in _ = try await run(.closeFollowUp(ratedOn: date, ticket: ticket, note: note, by: audit)) }
        )
    }
}
