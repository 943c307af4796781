import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// Reports from a real daemon's journal: two simulated days over HTTP, `kiosk report` reading
/// the journal while the daemon runs, `GET /v1/reports`, and an independent recomputation (a
/// Python script over `kiosk export`) that must agree with every figure.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct ReportTests {
    static let monday = "2026-03-02", tuesday = "2026-03-03"
    static var recomputeScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/report_recompute.py").path
    }

    /// The daemon after Monday 08:00–11:30 and Tuesday 08:00–09:30 of simulated hall.
    static func twoDays(_ body: @escaping @Sendable (TestDaemon) async throws -> Void) async throws {
        try await TestDaemon.with(at: "07:58") { daemon in
            var days = SimulatedDays(daemon: daemon, seed: 20_260_302)
            try await days.run(for: 3.5 * 3600)
            daemon.clock.advance(by: 24 * 3600 - 3.5 * 3600)   // Tuesday 07:58
            try await days.run(for: 1.5 * 3600)
            try await body(daemon)
        }
    }

    @Test func theCLIReportWhileTheDaemonRunsAgreesWithTheRouteAndWithAnIndependentRecount() async throws {
        try #require(KioskBinary.exists, "build the kiosk executable first")
        try await Self.twoDays { daemon in
            let dir = daemon.dataDirectory
            let reportFile = dir + "/report.json"
            let cli = try runCommand(KioskBinary.url.path, [
                "report", "--data-dir", dir, "--from", Self.monday, "--to", Self.tuesday, "--format", "json", "-o", reportFile,
            ])
            #expect(cli.status == 0)
            let fromCLI = try JSONParser.parse(String(contentsOfFile: reportFile, encoding: .utf8)).value

            // The day was a real one: everything the report counts happened.
            let hall = try #require(fromCLI["hall"])
            #expect((hall["issued"]?.intValue ?? 0) > 100, "\(hall.serialized())")
            #expect((hall["served"]?.intValue ?? 0) > 50)
            #expect((hall["no_show"]?.intValue ?? 0) > 0)
            #expect((hall["transferred"]?.intValue ?? 0) > 0)
            #expect((hall["cancelled"]?.intValue ?? 0) > 0)
            #expect((fromCLI["ratings"]?["total"]?.intValue ?? 0) > 10)
            #expect(fromCLI["windows"]?.arrayValue?.contains { ($0["paused_s"]?.doubleValue ?? 0) > 0 } == true)
            #expect(fromCLI["days"] == [.string(Self.monday), .string(Self.tuesday)])

            // The daemon's route runs the same fold: the same figures.
            let answer = try await daemon.client.get("/v1/reports?from=\(Self.monday)&to=\(Self.tuesday)", as: .supervisor)
            #expect(answer.status == 200)
            let fromRoute = try #require(answer.json)
            for key in ["hall", "services", "windows", "half_hours", "hours", "estimates", "sms", "timeline"] {
                #expect(fromRoute[key] == fromCLI[key], "\(key) differs")
            }
            #expect(fromRoute["ratings"]?["counts"] == fromCLI["ratings"]?["counts"])

            // `kiosk export` of each day, recounted by a script that shares no code with the fold.
            var traces: [String] = []
            for day in [Self.monday, Self.tuesday] {
                let file = dir + "/\(day).jsonl"
                #expect(try runCommand(KioskBinary.url.path, ["export", "--data-dir", dir, "--date", day, "-o", file]).status == 0)
                traces.append(file)
            }
            let recount = try runCommand("python3", [Self.recomputeScript, reportFile] + traces)
            #expect(recount.status == 0, "\(recount.output)")
            #expect(recount.output.hasPrefix("ok: "), "\(recount.output)")
            let figures = Int(recount.output.dropFirst(4).prefix { $0.isNumber }) ?? 0
            #expect(figures > 150, "\(recount.output)")
        }
    }

    @Test func theRecountCatchesAWrongFigure() async throws {
        // The comparison can fail: a report with one figure changed is refused.
        try #require(KioskBinary.exists, "build the kiosk executable first")
        try await Self.twoDays { daemon in
            let dir = daemon.dataDirectory
            let file = dir + "/\(Self.monday).jsonl"
            #expect(try runCommand(KioskBinary.url.path, ["export", "--data-dir", dir, "--date", Self.monday, "-o", file]).status == 0)
            let answer = try await daemon.client.get("/v1/reports?date=\(Self.monday)", as: .admin)
            var text = answer.text
            let served = try #require(answer.json?["hall"]?["served"]?.intValue)
            text = text.replacingOccurrences(of: "\"served\":\(served),", with: "\"served\":\(served + 1),")
            try text.write(toFile: dir + "/wrong.json", atomically: true, encoding: .utf8)
            let recount = try runCommand("python3", [Self.recomputeScript, dir + "/wrong.json", file])
            #expect(recount.status == 1)
            #expect(recount.output.contains("hall.served"), "\(recount.output)")
        }
    }

    @Test func theRouteAnswersCSVAndHTMLAndRefusesBadPeriods() async throws {
        try await TestDaemon.with(at: "08:00") { daemon in
            let api = daemon.client
            #expect(try await api.take("A").status == 201)
            #expect(try await api.window("1", "call").status == 200)
            let today = try await api.get("/v1/reports", as: .supervisor)
            #expect(today.status == 200)
            #expect(today.json?["from"] == .string(Self.monday))
            #expect(today.json?["hall"]?["issued"] == .number(1))
            let csv = try await api.get("/v1/reports?date=\(Self.monday)&format=csv", as: .admin)
            #expect(csv.contentType.hasPrefix("text/csv"))
            #expect(csv.text.hasPrefix("scope,code,name,issued,served,no_show"))
            let html = try await api.get("/v1/reports?date=\(Self.monday)&format=html", as: .admin)
            #expect(html.contentType.hasPrefix("text/html"))
            #expect(html.text.contains("<svg"))
            for query in ["date=2026-02-30", "from=2026-03-03&to=2026-03-02", "from=2025-01-01&to=2026-03-02", "format=table", "format=pdf",
                          "date=2026-03-02&from=2026-03-02", "from=x"] {
                expectError(try await api.get("/v1/reports?\(query)", as: .supervisor), 400, query.hasPrefix("format") ? "invalid_format" : "invalid_period", "\(query)")
            }
        }
    }

    @Test func theCLIRefusesWhatItCannotDo() throws {
        try #require(KioskBinary.exists, "build the kiosk executable first")
        let missing = NSTemporaryDirectory() + "kiosk-no-journal-" + UUID().uuidString
        #expect(try runCommand(KioskBinary.url.path, ["report", "--data-dir", missing, "--date", Self.monday]).status != 0)
        #expect(!FileManager.default.fileExists(atPath: missing), "a read-only report created a data directory")
        #expect(try runCommand(KioskBinary.url.path, ["report", "--data-dir", missing, "--date", "2026-3-2"]).status != 0)
        #expect(try runCommand(KioskBinary.url.path, ["report", "--data-dir", missing, "--date", Self.monday, "--format", "pdf"]).status != 0)
    }
}
