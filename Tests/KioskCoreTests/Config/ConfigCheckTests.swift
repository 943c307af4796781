import KioskCore
import Testing

/// `kiosk config check` per file: problems as `file:line:`, a summary line when it loads.
@Suite struct ConfigCheckTests {
    @Test func theEmbeddedHallLoadsAndIsSummedUp() throws {
        let check = ConfigCheck(name: "hall.json", json: HallConfig.defaultHallJSON)
        let config = HallConfig.defaultHall
        #expect(!check.failed)
        #expect(check.summary?.hasPrefix("hall.json: ok — \(config.services.count) services, \(config.counters.count) windows, \(config.sessions.count) sessions") == true)
        #expect(check.problems.count == (try HallConfig.check(json: HallConfig.defaultHallJSON)).warnings.count)
    }

    @Test func aBrokenConfigFailsWithEveryProblemByLine() {
        let text = """
        {
          "sessions": [["08:00", "25:00"]],
          "services": [{"code": "A", "name": "求职登记"}],
          "counters": [{"id": "1", "services": ["A", "X"], "policy": "fifo"}]
        }
        """
        let check = ConfigCheck(name: "h.json", json: text)
        #expect(check.failed && check.summary == nil)
        #expect(check.problems.contains("h.json:2: sessions[0]: bad time \"25:00\" (expected HH:MM, 00:00–23:59)"))
        #expect(check.problems.contains("h.json:4: window \"1\" serves unknown service \"X\""))
        #expect(check.problems == check.problems.sorted { line($0) < line($1) }, "by line")
    }

    @Test func notJSONIsOneProblem() {
        let check = ConfigCheck(name: "h.json", json: "{")
        #expect(check.failed && check.problems.count == 1 && check.problems[0].hasPrefix("h.json:"))
    }

    /// A hall that ships to a centre needs `hall.id` (`config check --central` says so); a
    /// malformed id is an error with or without it, and the id survives the journal's form.
    @Test func hallIDIsRequiredOnlyForTheCentreAndMustBeAName() throws {
        let without = ConfigCheck(name: "h.json", json: HallConfig.defaultHallJSON, central: true)
        #expect(without.failed)
        #expect(without.problems.contains { $0.hasPrefix("h.json: hall.id is required with --central") })
        let text = HallConfig.defaultHallJSON.replacingOccurrences(of: "\"hall\": {", with: "\"hall\": {\"id\": \"fj-liancheng\",")
        #expect(!ConfigCheck(name: "h.json", json: text, central: true).failed)
        let config = try HallConfig.load(json: text)
        #expect(config.id == "fj-liancheng")
        #expect(try HallConfig.load(json: config.jsonValue.serialized()).id == "fj-liancheng")
        let bad = ConfigCheck(name: "h.json", json: HallConfig.defaultHallJSON.replacingOccurrences(of: "\"hall\": {", with: "\"hall\": {\"id\": \"Hall One\","))
        #expect(bad.failed && bad.problems.contains { $0.contains("hall.id must be 1–40 characters") })
    }

    func line(_ problem: String) -> Int { Int(problem.split(separator: ":")[1]) ?? 0 }
}
