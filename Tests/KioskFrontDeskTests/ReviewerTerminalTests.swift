import Foundation
import KioskAPI
import KioskCore
import Testing
@testable import KioskFrontDesk

/// The reviewer's terminal as a state machine: keys to review routes, answers to the screen.
@Suite struct ReviewerTerminalTests {
    let now = Fixtures.t0

    func sent(_ effects: [WindowTerminal.Effect]) -> WindowTerminal.Request? {
        guard effects.count == 1, case let .send(request) = effects[0] else { return nil }
        return request
    }

    static var holding: WindowView {
        var view = WindowView(id: "9", name: "审核岗", services: [])
        var held = TicketStatus(ticket: "A023", service: "A", serviceName: "求职登记", state: "in_review", issuedAt: "09:30:00")
        held.review = .init(handedBy: "3", handedAt: "09:52:10", note: "退休金核定,材料齐", reviewer: "9")
        view.reviewing = held
        view.reviewQueue = 2
        return view
    }

    @Test func nTakesAApprovesOneAtATime() throws {
        var terminal = ReviewerTerminal(window: "9")
        #expect(terminal.begin(at: now) == [.refresh])
        let take = try #require(sent(terminal.handle(.key(Key("n")), at: now)))
        #expect(take.path == "/v1/windows/9/review/next" && take.body == nil && !take.supervisor)
        #expect(terminal.handle(.key(Key("a")), at: now) == [], "nothing more while the first is on its way")
        _ = terminal.handle(.done(take, Self.holding), at: now)
        let screen = ReviewerTerminalScreen.render(terminal, width: 100, height: 30)
        for needle in ["待审 Cases waiting: 2", "在审 Reviewing: A023  A 求职登记", "送审 From: 3号窗口 · 09:52:10", "备注 Note: 退休金核定,材料齐"] {
            #expect(screen.contains { $0.contains(needle) }, "\(needle)\n\(screen.joined(separator: "\n"))")
        }
        let approve = try #require(sent(terminal.handle(.key(Key("a")), at: now)))
        #expect(approve.path == "/v1/windows/9/review/approve")
        #expect(sent(terminal.handle(.key(.enter), at: now)) == nil)
    }

    @Test func rAsksWhatIsMissingTypedOrByADigit() throws {
        var terminal = ReviewerTerminal(window: "9", supervisor: true)
        _ = terminal.handle(.view(Self.holding), at: now)
        _ = terminal.handle(.key(Key("r")), at: now)
        #expect(terminal.mode == .reason(entry: ""))
        #expect(ReviewerTerminalScreen.render(terminal, width: 100, height: 30).contains { $0.contains("1 缺身份证复印件") })
        #expect(terminal.handle(.key(.enter), at: now) == [], "an empty reason is not sent")
        for key in Key.typing("缺户口簿") { _ = terminal.handle(.key(key), at: now) }
        let typed = try #require(sent(terminal.handle(.key(.enter), at: now)))
        #expect(typed.path == "/v1/windows/9/review/return")
        #expect(typed.body == .reviewReturn(ReviewReturnRequest(reason: "缺户口簿")))
        #expect(typed.supervisor)
        _ = terminal.handle(.done(typed, nil), at: now)
        _ = terminal.handle(.key(Key("r")), at: now)
        _ = terminal.handle(.key(.digit("2")), at: now)
        #expect(sent(terminal.handle(.key(.enter), at: now))?.body == .reviewReturn(ReviewReturnRequest(reason: "材料不全")))
        // At most 20 characters: the 21st is not taken.
        var long = ReviewerTerminal(window: "9")
        _ = long.handle(.key(Key("r")), at: now)
        for key in Key.typing(String(repeating: "缺", count: 25)) { _ = long.handle(.key(key), at: now) }
        #expect(long.mode == .reason(entry: String(repeating: "缺", count: 20)))
        _ = long.handle(.key(.escape), at: now)
        #expect(long.mode == .keys)
    }

    @Test func aRefusalShowsTheDaemonsWordsAndEveryLineFits() throws {
        var terminal = ReviewerTerminal(window: "9")
        let take = try #require(sent(terminal.handle(.key(.enter), at: now)))
        _ = terminal.handle(.refused(take, code: "no_case_to_review", message: "暂无待审件 No case waits for reviewer 9"), at: now)
        let screen = ReviewerTerminalScreen.render(terminal, width: 80, height: 24)
        #expect(screen.count == 24)
        #expect(screen.contains { $0.contains("[no_case_to_review]") })
        for line in screen { #expect(DisplayWidthProbe.columns(line) == 80) }
        #expect(terminal.handle(.key(Key("q")), at: now) == [.quit])
    }

    /// The reviewer's terminal takes answers as the window terminal does (one shared track): a
    /// refused refresh (a token revoked, then restored) is cleared by the next good refresh,
    /// while a refused command stays until the next key.
    @Test func answersAreTakenAsTheWindowTerminalTakesThem() throws {
        var reviewer = ReviewerTerminal(window: "9")
        var clerk = WindowTerminal(window: "9")
        for input: WindowTerminal.Input in [.refused(nil, code: "unauthorized", message: "令牌无效"), .view(Self.holding)] {
            _ = reviewer.handle(input, at: now)
            _ = clerk.handle(input, at: now)
            #expect(reviewer.outcome == clerk.outcome && reviewer.view == clerk.view)
        }
        #expect(reviewer.outcome == nil)
        let take = try #require(sent(reviewer.handle(.key(Key("n")), at: now)))
        #expect(reviewer.handle(.refused(take, code: "review_queue_empty", message: "没有待审的件"), at: now) == [.refresh])
        _ = reviewer.handle(.view(Self.holding), at: now)
        #expect(reviewer.outcome == .refused(code: "review_queue_empty", message: "没有待审的件"))
        #expect(!reviewer.busy)
    }
}
