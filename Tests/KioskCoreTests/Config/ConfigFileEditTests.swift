import KioskCore
import Testing

/// `kiosk config add-service`'s edit: one service appended to one window's list, nothing else
/// of the file touched, and only a service the window's `may_serve` lists.
@Suite struct ConfigFileEditTests {
    static let file = """
        {
          "hall": {"name": "测试大厅"},
          "sessions": [["08:00", "12:00"]],
          "services": [{"code": "A", "name": "求职登记"}, {"code": "B", "name": "职业介绍"}, {"code": "C", "name": "失业登记"}],
          "counters": [
            {"id": "1", "name": "一号窗口（综合）", "services": ["A"], "may_serve": ["B", "C"]},
            {"id": "2", "services": [ "B" ,"C" ]}
          ]
        }
        """

    @Test func aServiceTheWindowMayServeIsAppendedAndNothingElseChanges() throws {
        let edited = try ConfigFileEdit.addingService("C", toWindow: "1", in: Self.file)
        #expect(edited == Self.file.replacingOccurrences(of: "\"services\": [\"A\"]", with: "\"services\": [\"A\", \"C\"]"))
        let config = try HallConfig.load(json: edited)
        #expect(config.counter("1")?.services == ["A", "C"])
        #expect(config.counter("2")?.services == ["B", "C"])
        // Twice: the second is refused, the file says it already serves it.
        #expect(throws: ConfigFileEdit.Refusal.alreadyServes(window: "1", service: "C")) {
            try ConfigFileEdit.addingService("C", toWindow: "1", in: edited)
        }
    }

    @Test func aServiceTheWindowMayNotServeIsRefused() {
        #expect(throws: ConfigFileEdit.Refusal.notAllowed(window: "2", service: "A")) {
            try ConfigFileEdit.addingService("A", toWindow: "2", in: Self.file)
        }
        #expect(throws: ConfigFileEdit.Refusal.noWindow("9")) { try ConfigFileEdit.addingService("A", toWindow: "9", in: Self.file) }
        #expect(throws: ConfigFileEdit.Refusal.unknownService("Z")) { try ConfigFileEdit.addingService("Z", toWindow: "1", in: Self.file) }
    }

    @Test func mayServeNamesOnlyServicesTheHallHas() {
        let bad = Self.file.replacingOccurrences(of: "\"may_serve\": [\"B\", \"C\"]", with: "\"may_serve\": [\"B\", \"Q\"]")
        #expect(throws: ConfigError.self) { try HallConfig.load(json: bad) }
    }
}
