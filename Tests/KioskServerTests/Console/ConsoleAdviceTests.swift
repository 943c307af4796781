import Foundation
import KioskCore
@testable import KioskServer
import KioskTestSupport
import Testing

/// The console shows the hall's staffing advice where the supervisor works, each with the form
/// that takes it; taken, it goes, and the report counts it.
@Suite(.timeLimit(.minutes(2)))
struct ConsoleAdviceTests {
    /// Window 6 (the only one serving G) paused at 08:30 with twelve G tickets taken after it.
    static func pausedWindowWithLongLine(_ daemon: TestDaemon) async throws {
        #expect(try await daemon.client.window("6", "pause").status == 200)
        for _ in 0..<12 {
            daemon.clock.advance(by: 60)
            #expect(try await daemon.client.take("G").status == 201)
        }
        daemon.clock.advance(by: 35 * 60 - 12 * 60)
    }

    @Test func theSupervisorTakesAnAdviceFromTheHallPage() async throws {
        try await TestDaemon.with(at: "08:30") { daemon in
            try daemon.addConsoleUser("wang", role: .supervisor)
            let browser = daemon.browser()
            #expect(try await browser.signIn("wang", "correct horse").status == 303)
            try await Self.pausedWindowWithLongLine(daemon)
            let page = try await browser.get("/console")
            #expect(page.status == 200)
            #expect(page.text.contains("id=\"advice-resume-6\""), "\(page.text)")
            #expect(page.text.contains("恢复6号窗口服务：最长等候"))
            #expect(page.text.contains("<code>kiosk resume 6</code>"))
            #expect(page.text.contains("action=\"/console/windows/6/resume\""))
            #expect(!page.text.contains("id=\"no-advice\""))
            // Taken from the page: the same window action, audited with the signed-in name.
            #expect(try await browser.post("/console/windows/6/resume").status == 303)
            daemon.clock.advance(by: 5)
            let after = try await browser.get("/console/hall")
            #expect(!after.text.contains("advice-resume-6") && !after.text.contains("advice-cover-"), "\(after.text)")
            let report = try #require(try await daemon.client.get("/v1/reports?date=2026-03-02", as: .supervisor).json)
            #expect((report["advice"]?["given"]?.intValue ?? 0) >= 1)
            #expect(report["advice"]?["taken"]?.intValue == 1)
        }
    }

    @Test func anAdminSeesTheAdviceButNoFormToTakeIt() async throws {
        try await TestDaemon.with(at: "08:30") { daemon in
            try daemon.addConsoleUser("li", role: .admin)
            let browser = daemon.browser()
            #expect(try await browser.signIn("li", "correct horse").status == 303)
            try await Self.pausedWindowWithLongLine(daemon)
            let page = try await browser.get("/console/hall")
            #expect(page.text.contains("id=\"advice-resume-6\""))
            #expect(!page.text.contains("take-advice"))
        }
    }

    @Test func aCalmHallSaysThereIsNoAdvice() async throws {
        try await TestDaemon.with(at: "09:00") { daemon in
            try daemon.addConsoleUser("wang", role: .supervisor)
            let browser = daemon.browser()
            #expect(try await browser.signIn("wang", "correct horse").status == 303)
            #expect(try await browser.get("/console/hall").text.contains("id=\"no-advice\""))
        }
    }
}
