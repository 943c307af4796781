import Foundation
@testable import KioskServer
import Testing

@Suite struct ConsoleSessionsTests {
    let start = Date(timeIntervalSince1970: 1_772_000_000)
    let wang = ConsoleUser(name: "wang", role: .supervisor, password: .make(password: "long enough", iterations: 1000), added: Date(timeIntervalSince1970: 0))
    var users: UserFile.Contents { UserFile.Contents(users: [wang]) }

    @Test func aSessionLastsItsLifetimeThenEnds() throws {
        let sessions = ConsoleSessions()
        let session = sessions.open(for: wang, at: start)
        #expect(session.id.count == 64 && session.csrf.count == 64 && session.id != session.csrf)
        #expect(session.auditName == "supervisor wang")
        #expect(sessions.find(session.id, at: start.addingTimeInterval(ConsoleSessions.lifetime - 1), users: users) == session)
        #expect(sessions.find(session.id, at: start.addingTimeInterval(ConsoleSessions.lifetime), users: users) == nil)
        // Gone for good, even if the clock were read again earlier.
        #expect(sessions.find(session.id, at: start, users: users) == nil)
    }

    @Test func signOutEndsOnlyThatSession() {
        let sessions = ConsoleSessions()
        let a = sessions.open(for: wang, at: start), b = sessions.open(for: wang, at: start)
        sessions.close(a.id)
        #expect(sessions.find(a.id, at: start, users: users) == nil)
        #expect(sessions.find(b.id, at: start, users: users) == b)
    }

    @Test func aRemovedUsersSessionsAreRevoked() {
        let sessions = ConsoleSessions()
        let li = ConsoleUser(name: "li", role: .admin, password: .make(password: "long enough", iterations: 1000), added: start)
        let a = sessions.open(for: wang, at: start), b = sessions.open(for: li, at: start)
        let onlyLi = UserFile.Contents(users: [li])
        #expect(sessions.revokeMissing(in: onlyLi) == 1)
        #expect(sessions.find(a.id, at: start, users: users) == nil)
        #expect(sessions.find(b.id, at: start, users: onlyLi) == b)
    }

    @Test func aUserAddedAgainWithANewPasswordDoesNotInheritOldSessions() {
        let sessions = ConsoleSessions()
        let old = sessions.open(for: wang, at: start)
        let again = ConsoleUser(name: "wang", role: .supervisor, password: .make(password: "a new password", iterations: 1000), added: start)
        #expect(sessions.find(old.id, at: start, users: UserFile.Contents(users: [again])) == nil)
    }

    @Test func anUnknownIdFindsNothing() {
        let sessions = ConsoleSessions()
        _ = sessions.open(for: wang, at: start)
        #expect(sessions.find(String(repeating: "a", count: 64), at: start, users: users) == nil)
    }
}

@Suite struct SignInThrottleTests {
    let start = Date(timeIntervalSince1970: 1_772_000_000)

    @Test func theFifthWrongPasswordMakesThatAddressWaitFiveMinutes() {
        let throttle = SignInThrottle()
        for i in 1...4 {
            #expect(throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(Double(i))) == nil)
            #expect(throttle.waitRemaining(for: "10.0.0.5", at: start.addingTimeInterval(Double(i))) == nil)
        }
        #expect(throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(5)) == 300)
        #expect(throttle.waitRemaining(for: "10.0.0.5", at: start.addingTimeInterval(5)) == 300)
        #expect(throttle.waitRemaining(for: "10.0.0.5", at: start.addingTimeInterval(304)) == 1)
        #expect(throttle.waitRemaining(for: "10.0.0.5", at: start.addingTimeInterval(305)) == nil)
    }

    @Test func anotherAddressIsNotSlowedTheAccountIsNotLocked() {
        let throttle = SignInThrottle()
        for i in 0..<5 { throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(Double(i))) }
        #expect(throttle.waitRemaining(for: "10.0.0.5", at: start.addingTimeInterval(10)) != nil)
        #expect(throttle.waitRemaining(for: "10.0.0.6", at: start.addingTimeInterval(10)) == nil)
    }

    @Test func aRightPasswordStartsTheCountAgain() {
        let throttle = SignInThrottle()
        for i in 0..<4 { throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(Double(i))) }
        throttle.succeeded(from: "10.0.0.5")
        #expect(throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(10)) == nil)
    }

    @Test func failuresLongAgoAreForgotten() {
        let throttle = SignInThrottle()
        for i in 0..<4 { throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(Double(i))) }
        #expect(throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(3 + 901)) == nil)
    }

    @Test func afterTheWaitFiveMoreTriesAreAllowed() {
        let throttle = SignInThrottle()
        for i in 0..<5 { throttle.failed(from: "10.0.0.5", at: start.addingTimeInterval(Double(i))) }
        let later = start.addingTimeInterval(400)
        #expect(throttle.waitRemaining(for: "10.0.0.5", at: later) == nil)
        for i in 0..<4 { #expect(throttle.failed(from: "10.0.0.5", at: later.addingTimeInterval(Double(i))) == nil) }
        #expect(throttle.failed(from: "10.0.0.5", at: later.addingTimeInterval(4)) == 300)
    }
}

@Suite struct ConsoleFormTests {
    @Test func decodesPlusAndPercentAndUTF8() throws {
        let form = try ConsoleForm.parse("name=%E7%8E%8B%E8%8A%B3&password=a+b%26c%3D&csrf=")
        #expect(form["name"] == "王芳")
        #expect(form["password"] == "a b&c=")
        #expect(form["csrf"] == "")
        #expect(try form.text("csrf", maxLength: 10) == nil)
    }

    @Test func refusesATwiceGivenFieldAndBadEncoding() {
        #expect(throws: APIError.self) { try ConsoleForm.parse("csrf=a&csrf=b") }
        #expect(throws: APIError.self) { try ConsoleForm.parse("name=%E7%8E") }
        #expect(throws: APIError.self) { try ConsoleForm.parse("a=%zz") }
    }
}
