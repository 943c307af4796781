import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// `kiosk central serve`: the city report over HTTP, with its own supervisors' tokens; the same
/// answer as `kiosk central report`, and refusals with stable codes.
@Suite(.serialized) struct CentralServeTests {
    @Test func theCityReportIsServedToItsSupervisorsOnly() async throws {
        try await CentralFixtures.withCentre("serve") { pg, root in
            #expect(try await runKiosk(["central", "migrate", "--central", pg.url(), "--from", "2026-03", "--months-ahead", "0", "--hall", "east", "--hall", "west"]).status == 0)
            for id in ["east", "west"] {
                let config = try CentralFixtures.config(id: id, in: root)
                for (verb, at) in [(["take", "A"], "09:00"), (["take", "B"], "09:01"), (["call", "1"], "09:05"), (["start", "1"], "09:06"), (["finish", "1"], "09:20")] {
                    #expect(try await runKiosk(verb + ["--config", config, "--data-dir", root + "/" + id, "--at", "2026-03-02 " + at]).status == 0)
                }
                #expect(try await runKiosk(["central", "push", "--data-dir", root + "/" + id, "--central", pg.url(user: "hall_" + id)]).status == 0)
            }
            try pg.psql("CREATE ROLE city LOGIN IN ROLE kiosk_reader")
            let cli = try await runKiosk(["central", "report", "--central", pg.url(user: "city"), "--date", "2026-03-02", "--format", "json"])
            #expect(cli.status == 0, "\(cli.stderr)")

            let port = try freePort()
            let server = Process()
            server.executableURL = KioskBinary.url
            server.arguments = ["central", "serve", "--central", pg.url(user: "city"), "--data-dir", root + "/centre", "--port", String(port)]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            let base = "http://127.0.0.1:\(port)"
            func get(_ path: String, token: String?) throws -> (status: Int, body: String) {
                let output = try runCommand("curl", ["-s", "-w", "\n%{http_code}", base + path] + (token.map { ["-H", "Authorization: Bearer \($0)"] } ?? [])).output
                var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
                let status = Int(lines.popLast() ?? "") ?? 0
                return (status, lines.joined(separator: "\n"))
            }
            try await eventually("central serve answers", within: 30) { (try? get("/healthz", token: nil).status) == 200 }
            let tokensJSON = try JSONParser.parse(String(contentsOfFile: root + "/centre/tokens.json", encoding: .utf8)).value
            guard case let .array(list)? = tokensJSON["supervisors"], let token = list.first?.stringValue else {
                Issue.record("no supervisor token in \(tokensJSON)")
                return
            }
            let attrs = try FileManager.default.attributesOfItem(atPath: root + "/centre/tokens.json")
            #expect((attrs[.posixPermissions] as? Int) == 0o600)

            #expect(try get("/central/report?date=2026-03-02", token: nil).body.contains(#""error":"unauthorized""#))
            #expect(try get("/central/report?date=2026-03-02", token: "not-a-token-at-all").status == 401)
            let badDate = try get("/central/report?date=2026-13-45", token: token)
            #expect(badDate.status == 400 && badDate.body.contains(#""error":"invalid_period""#), "\(badDate)")
            #expect(try get("/central/report?date=2026-03-02&format=pdf", token: token).status == 400)
            // The terminal table is the command line's, as for the hall's /v1/reports.
            let table = try get("/central/report?date=2026-03-02&format=table", token: token)
            #expect(table.status == 400 && table.body.contains(#""error":"invalid_format""#), "\(table)")
            #expect(try get("/central/report?date=2026-03-02&hall=Bad%20Id", token: token).status == 400)
            let answer = try get("/central/report?date=2026-03-02", token: token)
            #expect(answer.status == 200)
            #expect(answer.body + "\n" == cli.stdout || answer.body == cli.stdout, "the same report as the command line")
            let json = try JSONParser.parse(answer.body).value
            #expect(json["hall"]?["issued"]?.intValue == 4 && json["hall"]?["halls"]?.intValue == 2, "\(answer.body.prefix(200))")
            let csv = try get("/central/report?date=2026-03-02&format=csv&hall=west", token: token)
            #expect(csv.status == 200 && csv.body.contains("west,") && !csv.body.contains("east,"), "\(csv.body)")

            // The centre away: 503 with a stable code, and the server stays up.
            try pg.stop()
            let away = try get("/central/report?date=2026-03-02", token: token)
            #expect(away.status == 503 && away.body.contains(#""error":"central_unavailable""#), "\(away)")
            #expect(server.isRunning)
        }
    }
}
