import Foundation
import KioskAPI
import KioskCore
import KioskTestSupport
import Testing

/// Staffing advice against a real daemon (issue 18): a paused window with a long line gets a
/// "resume" or "cover" advice with before/after figures through `GET /v1/advice` and `kiosk
/// advice`; the command it names, run, makes the advice go, and the report counts it taken.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct AdviceRouteTests {
    /// The test hall with C open all day and unlimited: window 3 alone serves it.
    static var config: HallConfig {
        var config = TestHall.config
        config.services[2].dailyQuota = nil
        config.services[2].hours = nil
        return config
    }

    /// Window 3 paused at 08:30, twelve C tickets and one A taken after, the clock at 09:05.
    static func pausedWindowWithLongLine(_ daemon: TestDaemon) async throws {
        #expect(try await daemon.client.window("3", "pause").status == 200)
        daemon.clock.advance(by: 60)
        for _ in 0..<12 {
            #expect(try await daemon.client.take("C").status == 201)
            daemon.clock.advance(by: 60)
        }
        #expect(try await daemon.client.take("A").status == 201)
        daemon.clock.advance(by: 35 * 60 - 13 * 60)
    }

    func advice(_ daemon: TestDaemon) async throws -> AdviceAnswer {
        let answer = try await daemon.client.get("/v1/advice", as: .supervisor)
        #expect(answer.status == 200, "\(answer.text)")
        return try APICoding.decode(AdviceAnswer.self, from: answer.text)
    }

    func kiosk(_ daemon: TestDaemon, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try runCommand(KioskBinary.url.path, arguments + ["--server", "http://127.0.0.1:\(daemon.port)", "--token", daemon.tokens.supervisor])
    }

    @Test func aPausedWindowsAdviceNamesTheCommandThatMakesItGoAndTheReportCountsItTaken() async throws {
        try #require(KioskBinary.exists, "build the kiosk executable first")
        try await TestDaemon.with(config: Self.config, at: "08:30") { daemon in
            try await Self.pausedWindowWithLongLine(daemon)
            let first = try await advice(daemon)
            #expect(first.date == "2026-03-02" && first.time == "09:05:00")
            let top = try #require(first.advice.first, "no advice for a paused window with twelve waiting: \(first)")
            #expect(["resume", "cover"].contains(top.kind))
            let resume = try #require(first.advice.first { $0.kind == "resume" })
            #expect(resume.window == "3" && resume.command == "kiosk resume 3")
            #expect(resume.api == AdviceAnswer.Call(method: "POST", path: "/v1/windows/3/resume", body: [:]))
            for item in first.advice {
                #expect(item.before == first.before)
                #expect(item.before.longestWaitMin - item.after.longestWaitMin >= 5, "\(item.id): \(item.before.longestWaitMin) → \(item.after.longestWaitMin)")
                #expect(item.after.waits.count == 13 && item.before.waits.count == 13)
                #expect(item.text.contains("最长等候 \(item.before.longestWaitMin) → \(item.after.longestWaitMin) 分钟"))
            }
            // Given once while it stands: journaled on the first showing only.
            let given = first.advice.count
            #expect(await daemon.hall.adviceLedger.given == given)
            _ = try await advice(daemon)
            daemon.clock.advance(by: 30)
            _ = try await advice(daemon)
            #expect(await daemon.hall.adviceLedger.given == given)
            let journaled = try daemon.journal.events(on: TestHall.monday).filter { if case .adviceGiven = $0.event.kind { true } else { false } }
            #expect(journaled.count == given)

            // Others may not see it.
            for caller in [Caller.display, .kiosk, .window("3"), .anonymous] {
                #expect(try await daemon.client.get("/v1/advice", as: caller).status != 200, "\(caller)")
            }

            // The CLI, as a client of the daemon: the same advice, as text and as JSON.
            let text = try kiosk(daemon, ["advice"])
            #expect(text.status == 0, "\(text.output)")
            #expect(text.output.contains("恢复3号窗口服务：最长等候"), "\(text.output)")
            #expect(text.output.contains("kiosk resume 3"))
            let json = try kiosk(daemon, ["advice", "--json"])
            #expect(json.status == 0)
            let fromCLI = try APICoding.decode(AdviceAnswer.self, from: json.output)
            #expect(fromCLI.advice.map(\.id) == first.advice.map(\.id))

            // Offline, on the journal the daemon is writing: the same projection at the same instant.
            let offline = try runCommand(KioskBinary.url.path, ["advice", "--data-dir", daemon.dataDirectory, "--at", "09:05:30", "--json"])
            #expect(offline.status == 0, "\(offline.output)")
            let fromJournal = try APICoding.decode(AdviceAnswer.self, from: offline.output)
            let now = try await advice(daemon)
            #expect(fromJournal.time == "09:05:30" && now.time == "09:05:30")
            #expect(fromJournal.before == now.before)
            #expect(fromJournal.advice.map(\.id) == now.advice.map(\.id))
            #expect(fromJournal.advice.map(\.after) == now.advice.map(\.after))

            // The command it names, run as it is written: the advice goes.
            let words = resume.command.split(separator: " ").map(String.init)
            #expect(words.first == "kiosk")
            let ran = try kiosk(daemon, Array(words.dropFirst()))
            #expect(ran.status == 0, "\(ran.output)")
            #expect(ran.output.contains("3号窗口 恢复服务"), "\(ran.output)")
            daemon.clock.advance(by: 10)
            let after = try await advice(daemon)
            #expect(!after.advice.contains { $0.window == "3" || $0.fromWindow == "3" }, "\(after.advice.map(\.id))")

            // The day's report: given, and the resume taken (the covers it stood beside were not).
            let report = try #require(try await daemon.client.get("/v1/reports?date=2026-03-02", as: .supervisor).json)
            #expect(report["advice"]?["given"]?.intValue == given)
            #expect(report["advice"]?["taken"]?.intValue == 1)
            let table = try runCommand(KioskBinary.url.path, ["report", "--data-dir", daemon.dataDirectory, "--date", "2026-03-02"])
            #expect(table.output.contains("调度建议 staffing advice: 给出 given \(given) / 采纳 taken 1"), "\(table.output)")
        }
    }

    @Test func aServiceTheWindowMayServeIsAdvisedAndAddedByTheCommandItNames() async throws {
        try #require(KioskBinary.exists, "build the kiosk executable first")
        var config = Self.config
        config.counters[0].mayServe = ["C"]   // window 1 may take on C; window 2 may not
        try await TestDaemon.with(config: config, at: "08:30") { daemon in
            try await Self.pausedWindowWithLongLine(daemon)
            let first = try await advice(daemon)
            let add = try #require(first.advice.first { $0.kind == "add_service" }, "\(first.advice.map(\.id))")
            #expect(add.window == "1" && add.service == "C")
            #expect(add.command == "kiosk config add-service 1 C --config /etc/kiosk/hall.json")
            #expect(add.text.hasPrefix("让1号窗口兼办 C 失业登记/失业证：最长等候"))
            #expect(!first.advice.contains { $0.window == "2" && ($0.kind == "add_service" || $0.kind == "cover") })

            // The command on the file this daemon's hall is written in.
            let file = daemon.dataDirectory + "/hall.json"
            try daemon.config.jsonValue(withGateway: true).serialized().write(toFile: file, atomically: true, encoding: .utf8)
            let refused = try runCommand(KioskBinary.url.path, [
                "config", "add-service", "2", "C", "--config", file, "--server", "http://127.0.0.1:\(daemon.port)", "--token", daemon.tokens.admin,
            ])
            #expect(refused.status == 1)   // "window 2 may not serve C" (standard error), nothing sent
            let ran = try runCommand(KioskBinary.url.path, [
                "config", "add-service", "1", "C", "--config", file, "--server", "http://127.0.0.1:\(daemon.port)", "--token", daemon.tokens.admin,
            ])
            #expect(ran.status == 0, "\(ran.output)")
            #expect(ran.output.contains("window 1 also serves C"), "\(ran.output)")
            #expect(daemon.hall.engine.config.counter("1")?.services == ["A", "B", "C"])
            #expect(try HallConfig.load(json: String(contentsOfFile: file, encoding: .utf8)).counter("1")?.services == ["A", "B", "C"])
            daemon.clock.advance(by: 10)
            let after = try await advice(daemon)
            #expect(!after.advice.contains { $0.kind == "add_service" }, "\(after.advice.map(\.id))")
            let report = try #require(try await daemon.client.get("/v1/reports?date=2026-03-02", as: .supervisor).json)
            #expect(report["advice"]?["taken"]?.intValue == 1)
        }
    }

    @Test func aCalmHallGetsNoAdviceAndNothingIsJournaled() async throws {
        try await TestDaemon.with(config: Self.config, at: "09:00") { daemon in
            #expect(try await daemon.client.take("A").status == 201)
            let answer = try await advice(daemon)
            #expect(answer.advice.isEmpty)
            #expect(answer.before.waits.count == 1)
            #expect(await daemon.hall.adviceLedger.given == 0)
        }
    }
}
