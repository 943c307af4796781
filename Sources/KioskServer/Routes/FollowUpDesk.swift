import Foundation
import KioskCore

/// Closes follow-ups one at a time per follow-up, so that of two supervisors closing the same
/// one at once exactly one wins and the other gets 409 `followup_closed`.
///
/// The journal alone cannot decide it: a book read before the first close committed still
/// shows the follow-up open after that close is done. So a second close of an id waits until
/// the first is over, and only then reads the book, which holds the first close by then.
actor FollowUpDesk {
    /// The follow-up with this canonical id as the journal has it (nil: none).
    typealias Lookup = @Sendable (String) async throws -> FollowUp?
    /// Commits the close of the rating of `ticket` on `date`.
    typealias Commit = @Sendable (BusinessDate, TicketNumber) async throws -> Void

    /// Ids a close is under way for, with the closes waiting their turn.
    private var inProgress: [String: [CheckedContinuation<Void, Never>]] = [:]

    func close(id: String, lookup: Lookup, commit: Commit) async throws -> FollowUp {
        guard let (date, ticket) = FollowUp.parseID(id) else { throw Self.unknown(id.prefix(20)) }
        let canonical = FollowUp.id(date: date, ticket: ticket)
        await enter(canonical)
        defer { leave(canonical) }
        guard let item = try await lookup(canonical) else { throw Self.unknown(canonical) }
        guard !item.isClosed else {
            throw APIError(.conflict, "followup_closed", "该差评已整改 Follow-up \(canonical) is already closed")
        }
        try await commit(date, ticket)
        return try await lookup(canonical) ?? item
    }

    /// How many closes of `id` wait behind the one under way (for tests).
    func waiting(_ id: String) -> Int { inProgress[id]?.count ?? 0 }

    private func enter(_ id: String) async {
        guard inProgress[id] != nil else {
            inProgress[id] = []
            return
        }
        await withCheckedContinuation { inProgress[id, default: []].append($0) }
    }

    /// Hands the id to the next close waiting for it, if any (it stays in progress).
    private func leave(_ id: String) {
        guard var waiting = inProgress[id], !waiting.isEmpty else {
            inProgress[id] = nil
            return
        }
        let next = waiting.removeFirst()
        inProgress[id] = waiting
        next.resume()
    }

    private static func unknown(_ id: some StringProtocol) -> APIError {
        APIError(.notFound, "unknown_followup", "没有该差评整改 No such follow-up: \(id)")
    }
}
