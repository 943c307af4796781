import Foundation
import KioskCore
import Testing
@testable import KioskFrontDesk

/// The rating pad's state machine step by step, with a manual `now`.
@Suite struct RatePadTests {
    let t0 = Date(timeIntervalSince1970: 1_772_411_400)
    let a001 = RatePad.Rateable(ticket: "A001", service: "A", serviceName: "求职登记", until: "09:40:00")
    let a002 = RatePad.Rateable(ticket: "A002", service: "A", serviceName: "求职登记", until: "09:45:00")

    @Test func idleUntilTheWindowHasSomethingToRateThenOneKeyRatesIt() {
        var pad = RatePad(window: "1")
        #expect(pad.begin(at: t0) == [.refresh])
        #expect(pad.handle(.view(nil), at: t0).isEmpty)
        #expect(pad.phase == .idle)
        #expect(pad.handle(.tick, at: t0.addingTimeInterval(0.5)).isEmpty, "refreshes once a second, not every tick")
        #expect(pad.handle(.tick, at: t0.addingTimeInterval(1)) == [.refresh])
        _ = pad.handle(.view(a001), at: t0.addingTimeInterval(1))
        #expect(pad.phase == .asking(a001))
        #expect(pad.handle(.key(.char("x")), at: t0).isEmpty)
        #expect(pad.handle(.key(.digit("9")), at: t0).isEmpty)
        #expect(pad.phase == .asking(a001))
        #expect(pad.handle(.key(.digit("5")), at: t0) == [.send(score: 5, reason: nil)])
        #expect(pad.handle(.key(.digit("4")), at: t0).isEmpty, "one key per ticket: nothing while sending")
        #expect(pad.handle(.tick, at: t0.addingTimeInterval(5)).isEmpty, "no refresh while sending")
        _ = pad.handle(.rated(ticket: "A001"), at: t0.addingTimeInterval(2))
        #expect(pad.phase == .thanks(score: 5, until: t0.addingTimeInterval(7)))
        // The daemon may still list A001 for a moment: it is not asked again.
        _ = pad.handle(.tick, at: t0.addingTimeInterval(7))
        #expect(pad.phase == .idle)
        _ = pad.handle(.view(a001), at: t0.addingTimeInterval(7))
        #expect(pad.phase == .idle)
        _ = pad.handle(.view(a002), at: t0.addingTimeInterval(8))
        #expect(pad.phase == .asking(a002))
    }

    @Test func aBadRatingAsksWhyWithOneMoreKey() {
        var pad = RatePad(window: "1")
        _ = pad.begin(at: t0)
        _ = pad.handle(.view(a001), at: t0)
        #expect(pad.handle(.key(.digit("1")), at: t0).isEmpty)
        #expect(pad.phase == .reason(a001, score: 1))
        _ = pad.handle(.key(.escape), at: t0)
        #expect(pad.phase == .asking(a001))
        _ = pad.handle(.key(.digit("2")), at: t0)
        #expect(pad.handle(.key(.digit("7")), at: t0).isEmpty)
        #expect(pad.handle(.key(.digit("3")), at: t0) == [.send(score: 2, reason: RatePad.reasons[2])])
        var other = RatePad(window: "1")
        _ = other.handle(.view(a001), at: t0)
        _ = other.handle(.key(.digit("2")), at: t0)
        #expect(other.handle(.key(.enter), at: t0) == [.send(score: 2, reason: nil)])
    }

    @Test func theWindowMovingOnOrTheTimeRunningOutEndsTheQuestion() {
        var pad = RatePad(window: "1")
        _ = pad.handle(.view(a001), at: t0)
        _ = pad.handle(.view(a002), at: t0)
        #expect(pad.phase == .asking(a002))
        _ = pad.handle(.view(nil), at: t0)
        #expect(pad.phase == .idle)
    }

    @Test func refusalsAndAnUnreachableDaemonShowAMessageAndGoBackToIdle() {
        var pad = RatePad(window: "1", messageSeconds: 3)
        _ = pad.handle(.view(a001), at: t0)
        _ = pad.handle(.key(.digit("4")), at: t0)
        _ = pad.handle(.refused(code: "already_rated", message: "A001已评价"), at: t0)
        #expect(pad.phase == .problem("已评价 Already rated", until: t0.addingTimeInterval(3)))
        _ = pad.handle(.view(a001), at: t0.addingTimeInterval(1))
        #expect(pad.lastRated == "A001")
        _ = pad.handle(.tick, at: t0.addingTimeInterval(3))
        _ = pad.handle(.view(a001), at: t0.addingTimeInterval(3))
        #expect(pad.phase == .idle, "a ticket the daemon says is rated is not asked again")

        var offline = RatePad(window: "1")
        _ = offline.handle(.view(a002), at: t0)
        _ = offline.handle(.key(.digit("3")), at: t0)
        _ = offline.handle(.unreachable("connection refused"), at: t0)
        guard case .problem = offline.phase else { Issue.record("expected a problem, got \(offline.phase)"); return }
        #expect(offline.handle(.key(.interrupt), at: t0) == [.quit])
    }

    @Test func theScreenShowsTheFiveLevelsInLargeDigits() {
        var pad = RatePad(window: "3")
        _ = pad.handle(.view(a001), at: t0)
        let screen = RatePadScreen.render(pad, windowName: "3号窗口", width: 80, height: 24)
        #expect(screen.count == 24)
        let text = screen.joined(separator: "\n")
        for label in ["非常满意", "满意", "基本满意", "不满意", "非常不满意", "A001", "3号窗口"] { #expect(text.contains(label), "\(label)") }
        // Five-row digits: the 1's top row and the 5's.
        #expect(screen.contains { $0.contains("█████") })
        for line in screen { #expect(DisplayWidthProbe.columns(line) <= 80, "\(line)") }
    }
}
