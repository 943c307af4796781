import Foundation
import KioskCore
@testable import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// The console's actions: the same hall commands as the API, refused without the session's
/// CSRF token, audited with the signed-in name.
@Suite(.timeLimit(.minutes(2)))
struct ConsoleActionTests {
    /// A daemon with `wang` (supervisor) signed in, on the hall page.
    func withSignedIn(_ role: ConsoleUser.Role = .supervisor, _ body: (TestDaemon, ConsoleBrowser) async throws -> Void) async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("wang", role: role)
            let browser = daemon.browser()
            #expect(try await browser.signIn("wang", "correct horse").status == 303)
            #expect(try await browser.get("/console").status == 200)
            try await body(daemon, browser)
        }
    }

    @Test func aPostWithoutTheTokenOrWithAWrongOneChangesNothing() async throws {
        try await withSignedIn { daemon, browser in
            let before = try daemon.journal.lastSeq()
            let missing = try await browser.post("/console/windows/1/pause", csrf: false)
            #expect(missing.status == 403)
            #expect(missing.text.contains("data-code=\"csrf_missing\""))
            let wrong = try await browser.post("/console/windows/1/pause", [("csrf", String(repeating: "0", count: 64))], csrf: false)
            #expect(wrong.status == 403)
            #expect(wrong.text.contains("data-code=\"csrf_invalid\""))
            // A header token from another session's page is no better.
            let header = try await browser.post("/console/windows/1/pause", csrf: false, headers: [("X-CSRF-Token", String(repeating: "a", count: 64))])
            #expect(header.status == 403)
            #expect(try daemon.journal.lastSeq() == before)
            #expect(try await daemon.client.get("/v1/windows/1", as: .window("1")).json?["status"]?.stringValue == "open")
        }
    }

    @Test func aFormFromAnotherSiteIsRefusedEvenWithTheToken() async throws {
        try await withSignedIn { daemon, browser in
            let before = try daemon.journal.lastSeq()
            let answer = try await browser.post("/console/windows/1/pause", headers: [("Origin", "http://evil.example")])
            #expect(answer.status == 403)
            #expect(answer.text.contains("data-code=\"cross_origin\""))
            #expect(try daemon.journal.lastSeq() == before)
            // `Origin: null` (a no-referrer page) says nothing: the token decides.
            #expect(try await browser.post("/console/windows/1/pause", csrf: false, headers: [("Origin", "null")]).status == 403)
            #expect(try await browser.post("/console/windows/1/pause", headers: [("Origin", "null")]).status == 303)
        }
    }

    @Test func pauseAndResumeGoThroughTheHall() async throws {
        try await withSignedIn { daemon, browser in
            let paused = try await browser.post("/console/windows/2/pause", [("until", "10:30")])
            #expect(paused.status == 303)
            #expect(paused.headers["Location"] == "/console")
            let window = try await daemon.client.get("/v1/windows/2", as: .window("2")).json
            #expect(window?["status"]?.stringValue == "paused")
            #expect(window?["back_at"]?.stringValue == "10:30")
            let page = try await browser.get("/console")
            #expect(page.text.contains("id=\"window-2\" data-status=\"paused\""))
            #expect(try await browser.post("/console/windows/2/resume").status == 303)
            #expect(try await daemon.client.get("/v1/windows/2", as: .window("2")).json?["status"]?.stringValue == "open")
        }
    }

    @Test func aCoverIsJournaledWithTheSignedInName() async throws {
        try await withSignedIn { daemon, browser in
            #expect(try await browser.post("/console/windows/1/cover", [("covered", "3")]).status == 303)
            let covers = try daemon.journalEvents().compactMap { stored -> String? in
                if case let .coverStarted(counter, covered, audit) = stored.event.kind { return "\(counter)>\(covered) by \(audit)" }
                return nil
            }
            #expect(covers == ["1>3 by supervisor wang"])
            let page = try await browser.get("/console/hall")
            #expect(page.text.contains("data-covering=\"3\""))
            #expect(try await browser.post("/console/windows/1/uncover").status == 303)
            let ended = try daemon.journalEvents().compactMap { stored -> String? in
                if case let .coverEnded(_, _, audit) = stored.event.kind { return audit }
                return nil
            }
            #expect(ended == ["supervisor wang"])
        }
    }

    @Test func servicesAndOutOfOrderCallsAreAuditedToo() async throws {
        try await withSignedIn { daemon, browser in
            #expect(try await daemon.client.take("A").status == 201)
            #expect(try await daemon.client.take("A").status == 201)
            #expect(try await browser.post("/console/call-ticket", [("window", "1"), ("ticket", "a002")]).status == 303)
            #expect(try await browser.post("/console/services/C/close").status == 303)
            #expect(try await browser.post("/console/services/C/reopen").status == 303)
            let audits = try daemon.journalEvents().compactMap { stored -> String? in
                switch stored.event.kind {
                case let .called(ticket, counter, audit?): return "call \(ticket)@\(counter) \(audit)"
                case let .serviceClosed(service, audit): return "close \(service) \(audit)"
                case let .serviceReopened(service, audit): return "reopen \(service) \(audit)"
                default: return nil
                }
            }
            #expect(audits == ["call A002@1 supervisor wang", "close C supervisor wang", "reopen C supervisor wang"])
        }
    }

    @Test func aRefusalIsAPageWithItsStableCode() async throws {
        try await withSignedIn { daemon, browser in
            let unknown = try await browser.post("/console/call-ticket", [("window", "1"), ("ticket", "A999")])
            #expect(unknown.status == 404)
            #expect(unknown.text.contains("data-code=\"unknown_ticket\""))
            #expect(unknown.contentType.hasPrefix("text/html"))
            let noWindow = try await browser.post("/console/windows/99/pause")
            #expect(noWindow.status == 404)
            let noAction = try await browser.post("/console/windows/1/explode")
            #expect(noAction.status == 404)
            #expect(noAction.text.contains("data-code=\"unknown_action\""))
            let badTime = try await browser.post("/console/windows/1/pause", [("until", "25:99")])
            #expect(badTime.status == 400)
            #expect(try await browser.post("/console/windows/1/open").status == 409, "an open window cannot be opened")
        }
    }

    @Test func anAdminSeesTheHallButDoesNotAct() async throws {
        try await withSignedIn(.admin) { daemon, browser in
            let page = try await browser.get("/console")
            #expect(page.status == 200)
            #expect(!page.text.contains("/console/windows/1/pause"), "no action buttons for an admin")
            let before = try daemon.journal.lastSeq()
            let answer = try await browser.post("/console/windows/1/pause")
            #expect(answer.status == 403)
            #expect(try daemon.journal.lastSeq() == before)
        }
    }

    @Test func theHallShowsAlertsForALinePastItsTargetAndAnIdleWindow() async throws {
        try await withSignedIn { daemon, browser in
            #expect(try await daemon.client.take("A").status == 201)
            daemon.clock.advance(by: 21 * 60)
            _ = try await daemon.hall.execute(.tick)
            let page = try await browser.get("/console/hall")
            #expect(page.text.contains("data-kind=\"over_target\""))
            #expect(page.text.contains("data-kind=\"idle_with_waiting\""))
            #expect(page.text.contains("id=\"line-A\" class=\"over\""))
        }
    }

    @Test func todaysFiguresAndTheReportNeedASession() async throws {
        try await withSignedIn { daemon, browser in
            let figures = try await browser.get("/console/figures")
            #expect(figures.status == 200)
            #expect(figures.text.contains("id=\"followups\""))
            let report = try await browser.get("/console/report")
            #expect(report.status == 200)
            #expect(report.contentType.hasPrefix("text/html"))
            #expect(report.headers["Content-Security-Policy"]?.contains("script-src") == false)
            let stranger = daemon.browser()
            #expect(try await stranger.get("/console/report").status == 401)
            #expect(try await stranger.get("/console/figures").status == 401)
        }
    }
}
