import Foundation
import KioskHTTPClient
import KioskTestSupport
import Testing

/// `kiosk users` as a hall's IT person runs it, beside a running daemon: the password from
/// standard input, a private file with no password in it, and a removed user's session ended.
@Suite(.serialized) struct ConsoleUsersCLITests {
    @Test func addListRemoveAndTheRunningDaemonFollows() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-console-users-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let added = try await runKiosk(["users", "add", "王芳", "--role", "supervisor", "--data-dir", dir, "--password-stdin"], input: "morning shift 7\n")
        #expect(added.status == 0, "\(added.stderr)")
        let path = dir + "/users.json"
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
        #expect(mode & 0o777 == 0o600)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.contains("pbkdf2-sha256$600000$"))
        #expect(!file.contains("morning shift 7"))

        let again = try await runKiosk(["users", "add", "王芳", "--role", "admin", "--data-dir", dir, "--password-stdin"], input: "another pass\n")
        #expect(again.status != 0)
        #expect(again.stderr.contains("already a user"))
        let badRole = try await runKiosk(["users", "add", "li", "--role", "boss", "--data-dir", dir, "--password-stdin"], input: "another pass\n")
        #expect(badRole.status != 0)
        let short = try await runKiosk(["users", "add", "li", "--role", "admin", "--data-dir", dir, "--password-stdin"], input: "short\n")
        #expect(short.status != 0)
        #expect(short.stderr.contains("at least 8"))

        let list = try await runKiosk(["users", "list", "--data-dir", dir])
        #expect(list.status == 0)
        #expect(list.stdout.contains("王芳\tsupervisor"))
        #expect(!list.stdout.contains("pbkdf2"))

        // Signed in to the real daemon, then removed while it runs.
        let daemon = DaemonProcess(dataDir: dir)
        try await daemon.start(at: "2026-03-02 09:00")
        defer { daemon.stop() }
        let http = CurlHTTPTransport()
        let form = try await http.send(HTTPRequest(method: .get, url: daemon.base + "/console/sign-in"))
        let signInCookie = try #require(form.headers.values(for: "Set-Cookie").first { $0.hasPrefix("kiosk_signin=") })
        let token = String(signInCookie.dropFirst("kiosk_signin=".count).prefix(64))
        let body = "name=%E7%8E%8B%E8%8A%B3&password=morning+shift+7&csrf=\(token)"
        let signedIn = try await http.send(HTTPRequest(
            method: .post, url: daemon.base + "/console/sign-in",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "kiosk_signin=\(token)"], body: Data(body.utf8)
        ))
        #expect(signedIn.status == 303)
        let session = try #require(signedIn.headers.values(for: "Set-Cookie").first { $0.hasPrefix("kiosk_console=") })
        let cookie = String(session.prefix { $0 != ";" })
        let hall = try await http.send(HTTPRequest(method: .get, url: daemon.base + "/console", headers: ["Cookie": cookie]))
        #expect(hall.status == 200)

        let removed = try await runKiosk(["users", "remove", "王芳", "--data-dir", dir])
        #expect(removed.status == 0, "\(removed.stderr)")
        try await eventually("the daemon ends the removed user's session", within: 10, every: .milliseconds(200)) {
            try await http.send(HTTPRequest(method: .get, url: daemon.base + "/console", headers: ["Cookie": cookie])).status == 303
        }
        #expect(try await runKiosk(["users", "remove", "王芳", "--data-dir", dir]).status != 0)
    }
}
