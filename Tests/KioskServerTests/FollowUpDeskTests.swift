import Foundation
import KioskCore
@testable import KioskServer
import KioskTestSupport
import Testing

/// Two supervisors close the same 差评 follow-up at once: exactly one close is committed, the
/// other is told 409 `followup_closed` (it once got 200 too: its book read, made before the first
/// close committed, still showed the follow-up open when it went on).
@Suite struct FollowUpDeskTests {
    static let date = TestHall.monday
    static let id = FollowUp.id(date: date, ticket: "A001")

    /// A journal's follow-up book whose reads can be held: a held read returns the book as it
    /// was when the read began, however long it is held (a read of an older snapshot).
    actor HeldBook {
        private var book = FollowUpBook(holidays: [])
        private var holding = true
        private var held: [CheckedContinuation<Void, Never>] = []
        private(set) var commits = 0

        init() {
            let at = Date(timeIntervalSince1970: 1_772_409_600)
            book.fold(HallEvent(at: at, .rated(ticket: "A001", counter: "1", service: "A", score: 1, reason: nil)), on: FollowUpDeskTests.date)
        }

        var heldReads: Int { held.count }

        func lookup(_ id: String) async -> FollowUp? {
            let snapshot = book.followUp(id)
            if holding { await withCheckedContinuation { held.append($0) } }
            return snapshot
        }

        func commit(_ date: BusinessDate, _ ticket: TicketNumber) {
            commits += 1
            book.fold(HallEvent(at: Date(timeIntervalSince1970: 1_772_413_200), .followUpClosed(ratedOn: date, ticket: ticket, note: "n", audit: "s")), on: date)
        }

        /// Stops holding new reads and lets the oldest held one return.
        func releaseFirst() {
            holding = false
            if !held.isEmpty { held.removeFirst().resume() }
        }

        func releaseAll() {
            holding = false
            while !held.isEmpty { held.removeFirst().resume() }
        }
    }

    static func close(_ desk: FollowUpDesk, _ book: HeldBook, id: String = id) async -> Result<FollowUp, APIError> {
        do {
            return .success(try await desk.close(id: id, lookup: { await book.lookup($0) }, commit: { await book.commit($0, $1) }))
        } catch {
            return .failure((error as? APIError) ?? APIError(.internalServerError, "unexpected", "\(error)"))
        }
    }

    @Test func ofTwoClosesAtOnceExactlyOneWins() async throws {
        let desk = FollowUpDesk(), book = HeldBook()
        let first = Task { await Self.close(desk, book) }
        try await eventually("the first close reads the book") { await book.heldReads == 1 }
        let second = Task { await Self.close(desk, book) }
        // The second close either waits its turn at the desk or reads the (still open) book.
        try await eventually("the second close waits or reads") {
            let waiting = await desk.waiting(Self.id), reads = await book.heldReads
            return waiting == 1 || reads == 2
        }
        await book.releaseFirst()
        let winner = await first.value
        await book.releaseAll()
        let loser = await second.value

        #expect(try winner.get().isClosed)
        #expect(loser.failureCode == "followup_closed", "the second close was answered too: \(loser)")
        #expect(await book.commits == 1)
    }

    @Test func manyClosesAtOnceCommitOnce() async throws {
        let desk = FollowUpDesk(), book = HeldBook()
        await book.releaseAll()
        let results = await withTaskGroup(of: Result<FollowUp, APIError>.self) { group in
            for _ in 0..<16 { group.addTask { await Self.close(desk, book) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { (try? $0.get()) != nil }.count == 1)
        #expect(results.compactMap(\.failureCode) == Array(repeating: "followup_closed", count: 15))
        #expect(await book.commits == 1)
        #expect(await desk.waiting(Self.id) == 0)
    }

    @Test func anUnknownFollowUpIsNotFoundEvenWhileAnotherCloseOfItRuns() async throws {
        let desk = FollowUpDesk(), book = HeldBook()
        await book.releaseAll()
        let unknown = FollowUp.id(date: Self.date, ticket: "B007")
        async let a = Self.close(desk, book, id: unknown)
        async let b = Self.close(desk, book, id: unknown)
        #expect(await [a, b].map(\.failureCode) == ["unknown_followup", "unknown_followup"])
        let nonsense = await Self.close(desk, book, id: "nonsense")
        #expect(nonsense.failureCode == "unknown_followup")
        #expect(await book.commits == 0)
    }
}

extension Result where Failure == APIError {
    /// The refusal's code (nil: answered).
    var failureCode: String? {
        if case let .failure(error) = self { error.code } else { nil }
    }
}
