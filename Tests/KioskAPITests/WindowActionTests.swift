import Foundation
import KioskCore
import Testing
@testable import KioskAPI

/// The clerk's bodiless actions: one table gives the route every client posts to and the
/// engine command the daemon runs for it.
@Suite struct WindowActionTests {
    @Test func eachActionPostsToItsOwnRouteOnTheWindow() {
        #expect(WindowAction.allCases.map { $0.path(window: "3") } == [
            "/v1/windows/3/call", "/v1/windows/3/recall", "/v1/windows/3/start", "/v1/windows/3/finish",
            "/v1/windows/3/noshow", "/v1/windows/3/park", "/v1/windows/3/resume",
        ])
        #expect(WindowAction.path(window: "12", action: "call-ticket") == "/v1/windows/12/call-ticket")
    }

    @Test func eachActionIsTheEngineCommandOfTheSameName() {
        let expected: [WindowAction: Command] = [
            .call: .callNext(counter: "3"), .recall: .recall(counter: "3"), .start: .start(counter: "3"), .finish: .finish(counter: "3"),
            .noshow: .noShow(counter: "3"), .park: .park(counter: "3"), .resume: .resume(counter: "3"),
        ]
        #expect(Set(expected.keys) == Set(WindowAction.allCases))
        for action in WindowAction.allCases { #expect(action.command(counter: "3") == expected[action], "\(action)") }
    }

    /// What the CLI prints for a command's answer: each event in words, in the hall's zone.
    @Test func aCommandAnswerReadsBackAsTheEventsInWords() throws {
        let config = HallConfig.defaultHall
        let answer = CommandAnswer(events: APISamples.events + [EventLine(json: ["ev": "call", "ticket": "A024", "counter": "1"])])
        let texts = answer.eventTexts(config: config)
        let calendar = QueueEngine(config: config).calendar
        let recall = try #require(APISamples.events[1].event(calendar: calendar))
        #expect(texts == [
            "09:32:05  请 A023 号到 1号窗口 办理",
            EventText.describe(recall, in: QueueEngine(config: config).initialState(), config: config),
        ], "a line without a business date is left out")
        #expect(recall.kind == .recalled(ticket: "A023", counter: "1", n: 1))
    }

    @Test func anIssuedTicketIsOneLineWithMaskedPhones() {
        #expect(APISamples.issued.line == "ticket C003 · 失业登记 · 前面 2 人 · 请携带 身份证、户口簿 · 短信 138****8000 · 家属 139****9000")
    }
}
