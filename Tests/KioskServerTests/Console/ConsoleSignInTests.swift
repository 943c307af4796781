import Foundation
import KioskCore
@testable import KioskServer
import KioskStore
import KioskTestSupport
import Logging
import Testing

extension TestDaemon {
    /// Adds a console user to the daemon's users.json (a quick hash: the test is about the
    /// console, not PBKDF2's cost) and has the daemon read it, as `kiosk users add` then a second.
    func addConsoleUser(_ name: String, role: ConsoleUser.Role = .supervisor, password: String = "correct horse") throws {
        try UserFile.add(name, role: role, password: password, in: UserFile.path(dataDirectory: dataDirectory), at: Date(), iterations: 1000)
        daemon.console.reloadIfChanged(logger: Logger(label: "test"))
    }

    func browser() -> ConsoleBrowser { ConsoleBrowser(APIClient(port: port, tokens: tokens)) }
}

/// Sign-in, sessions, CSRF and the wrong-password wait, over real HTTP against a real daemon.
@Suite(.timeLimit(.minutes(2)))
struct ConsoleSignInTests {
    @Test func theConsoleSendsStrangersToTheSignInForm() async throws {
        try await TestDaemon.with { daemon in
            let browser = daemon.browser()
            let hall = try await browser.get("/console")
            #expect(hall.status == 303)
            #expect(hall.headers["Location"] == "/console/sign-in")
            let form = try await browser.get("/console/sign-in")
            #expect(form.status == 200)
            #expect(form.contentType.hasPrefix("text/html"))
            #expect(form.text.contains("name=\"password\""))
            #expect(browser.csrf != nil, "the sign-in form carries a CSRF token")
            let policy = form.headers["Content-Security-Policy"] ?? ""
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
            #expect(form.headers["X-Frame-Options"] == "DENY")
            #expect(try await browser.get("/console/hall").status == 401)
            #expect(try await browser.get("/console/events").status == 401)
        }
    }

    @Test func aRightPasswordSetsAnHttpOnlyStrictSessionCookieWithAnExpiry() async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("王芳")
            let browser = daemon.browser()
            let answer = try await browser.signIn("王芳", "correct horse")
            #expect(answer.status == 303)
            #expect(answer.headers["Location"] == "/console")
            let line = try #require(browser.setCookieLines[ConsoleRoutes.sessionCookie])
            #expect(line.contains("HttpOnly"))
            #expect(line.contains("SameSite=Strict"))
            #expect(line.contains("Max-Age=36000"))
            #expect(line.contains("Path=/console"))
            #expect(!line.contains("Secure"), "plain http on the hall LAN: a Secure cookie would never come back")
            let hall = try await browser.get("/console")
            #expect(hall.status == 200)
            #expect(hall.text.contains("id=\"window-1\""))
            #expect(hall.text.contains("王芳"))
        }
    }

    @Test func aWrongPasswordOrUnknownNameSignsNobodyIn() async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("wang")
            let browser = daemon.browser()
            for (name, password) in [("wang", "wrong horse"), ("zhao", "correct horse"), ("", "")] {
                let answer = try await browser.signIn(name, password)
                #expect(answer.status == 401, "\(name)")
                #expect(answer.text.contains("id=\"sign-in-error\""))
                #expect(browser.setCookieLines[ConsoleRoutes.sessionCookie] == nil)
            }
            #expect(try await browser.get("/console").status == 303)
        }
    }

    @Test func theSignInFormNeedsItsOwnToken() async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("wang")
            let browser = daemon.browser()
            // Another site's page posting a sign-in: no sign-in cookie, no token.
            let forged = try await browser.post("/console/sign-in", [("name", "wang"), ("password", "correct horse")], csrf: false)
            #expect(forged.status == 403)
            #expect(forged.text.contains("data-code=\"csrf_missing\""))
            #expect(browser.setCookieLines[ConsoleRoutes.sessionCookie] == nil)
        }
    }

    @Test func fiveWrongPasswordsMakeTheAddressWaitFiveMinutesWithoutLockingTheAccount() async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("wang")
            // Signed in before the guessing starts (another browser): it keeps working throughout.
            let colleague = daemon.browser()
            #expect(try await colleague.signIn("wang", "correct horse").status == 303)
            let guesser = daemon.browser()
            for i in 1...4 { #expect(try await guesser.signIn("wang", "guess \(i)").status == 401) }
            let fifth = try await guesser.signIn("wang", "guess 5")
            #expect(fifth.status == 429)
            #expect(fifth.text.contains("data-code=\"too_many_attempts\""))
            #expect(fifth.headers["Retry-After"] == "300")
            // Even the right password waits now: the address is slowed, not checked.
            let right = try await guesser.signIn("wang", "correct horse")
            #expect(right.status == 429)
            #expect(Int(right.headers["Retry-After"] ?? "") == 300)
            #expect(try await colleague.get("/console").status == 200, "the account is not locked")
            daemon.clock.advance(by: 299)
            #expect(try await guesser.signIn("wang", "correct horse").status == 429)
            daemon.clock.advance(by: 1)
            #expect(try await guesser.signIn("wang", "correct horse").status == 303)
            #expect(try await guesser.get("/console").status == 200)
        }
    }

    @Test func signOutEndsTheSessionForGood() async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("wang")
            let browser = daemon.browser()
            _ = try await browser.signIn("wang", "correct horse")
            _ = try await browser.get("/console")
            let cookie = try #require(browser.cookies[ConsoleRoutes.sessionCookie])
            // Without the page's token, sign-out is refused like any other POST.
            #expect(try await browser.post("/console/sign-out", csrf: false).status == 403)
            #expect(try await browser.get("/console").status == 200)
            let out = try await browser.post("/console/sign-out")
            #expect(out.status == 303)
            #expect(out.headers["Location"] == "/console/sign-in")
            #expect(browser.setCookieLines[ConsoleRoutes.sessionCookie]?.contains("Max-Age=0") == true)
            // The old cookie, kept by a careless browser, opens nothing.
            browser.setCookie(ConsoleRoutes.sessionCookie, cookie)
            #expect(try await browser.get("/console").status == 303)
            #expect(try await browser.get("/console/hall").status == 401)
        }
    }

    @Test func aSessionEndsAfterItsLifetime() async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("wang")
            let browser = daemon.browser()
            _ = try await browser.signIn("wang", "correct horse")
            daemon.clock.advance(by: ConsoleSessions.lifetime - 1)
            #expect(try await browser.get("/console").status == 200)
            daemon.clock.advance(by: 1)
            #expect(try await browser.get("/console").status == 303)
        }
    }

    @Test func removingAUserEndsTheirSessions() async throws {
        try await TestDaemon.with { daemon in
            try daemon.addConsoleUser("wang")
            try daemon.addConsoleUser("li")
            let wang = daemon.browser(), li = daemon.browser()
            _ = try await wang.signIn("wang", "correct horse")
            _ = try await li.signIn("li", "correct horse")
            try UserFile.remove("wang", in: UserFile.path(dataDirectory: daemon.dataDirectory))
            // The daemon's once-a-second look at the file, without waiting for it.
            daemon.daemon.console.reloadIfChanged(logger: Logger(label: "test"))
            #expect(daemon.daemon.console.sessions.count == 1)
            #expect(try await wang.get("/console").status == 303)
            #expect(try await li.get("/console").status == 200)
            #expect(try await wang.signIn("wang", "correct horse").status == 401)
        }
    }

    @Test func theDaemonNoticesAUsersFileChangedBehindItsBack() async throws {
        try await TestDaemon.with { daemon in
            // Written by `kiosk users add` while the daemon runs: no reload called by the test.
            try UserFile.add("wang", role: .supervisor, password: "correct horse", in: UserFile.path(dataDirectory: daemon.dataDirectory), at: Date(), iterations: 1000)
            let browser = daemon.browser()
            try await eventually("the daemon reads the new users.json", within: 10, every: .milliseconds(500)) {
                try await browser.signIn("wang", "correct horse").status == 303
            }
        }
    }
}

/// A hall served over https (its public URL): the session cookie is `Secure` as well.
@Suite(.timeLimit(.minutes(2)))
struct ConsoleSecureCookieTests {
    @Test func aHallWithAnHttpsPublicURLGetsSecureCookies() async throws {
        var config = HallConfig.defaultHall
        config.publicURL = "https://q.example.gov.cn"
        try await InProcessDaemon.onManualClock(config: config) { running, _ in
            try UserFile.add("wang", role: .supervisor, password: "correct horse", in: UserFile.path(dataDirectory: running.dataDirectory), at: Date(), iterations: 1000)
            running.daemon.console.reloadIfChanged(logger: Logger(label: "test"))
            let browser = ConsoleBrowser(APIClient(port: running.port, tokens: running.tokens))
            #expect(try await browser.signIn("wang", "correct horse").status == 303)
            let line = try #require(browser.setCookieLines[ConsoleRoutes.sessionCookie])
            #expect(line.contains("Secure") && line.contains("HttpOnly") && line.contains("SameSite=Strict"))
            #expect(browser.setCookieLines[ConsoleRoutes.signInCookie]?.contains("Secure") == true)
        }
    }
}
