import KioskCore
import Testing

/// Every SMS is signed with the hall's own name (issue 14, point 1: a hall without an `sms`
/// section signed its messages with another county's 【连城人社】 and `config check` said nothing).
@Suite struct SMSSignatureTests {
    static func hall(hall: String, sms: String?) -> String {
        """
        {
          "hall": \(hall),
          "sessions": [["08:00", "12:00"]],
          "services": [{"code": "A", "name": "求职登记"}],
          "counters": [{"id": "1", "services": ["A"]}]\(sms.map { ",\n  \"sms\": \($0)" } ?? "")
        }
        """
    }

    @Test func aHallWithoutAnSMSSectionSignsWithItsShortNameAndIsWarned() throws {
        let checked = try HallConfig.check(json: Self.hall(hall: #"{"name": "青溪县人社局", "short_name": "青溪人社"}"#, sms: nil))
        #expect(checked.config.sms.signature == "【青溪人社】")
        #expect(checked.config.sms.text(.yourTurn, [.ticket: "A001", .window: "1号窗口"]) == "【青溪人社】请A001号到1号窗口办理。")
        #expect(checked.warnings.count == 1)
        #expect(checked.warnings.first?.severity == .warning)
        #expect(checked.warnings.first?.message.contains("sms.signature is not set: messages are signed 【青溪人社】") == true)
    }

    @Test func withoutAShortNameTheHallsNameSigns() throws {
        let config = try HallConfig.load(json: Self.hall(hall: #"{"name": "青溪县人社局"}"#, sms: #"{"gateway": "log"}"#))
        #expect(config.sms.signature == "【青溪县人社局】")
        #expect(!config.sms.signature.contains("连城"))
    }

    @Test func aSignatureSetInTheConfigIsUsedWithoutWarning() throws {
        let checked = try HallConfig.check(json: Self.hall(hall: #"{"name": "青溪县人社局"}"#, sms: #"{"signature": "【青溪县人社】"}"#))
        #expect(checked.config.sms.signature == "【青溪县人社】")
        #expect(checked.warnings.isEmpty)
    }

    @Test func aRealGatewayNeedsASignature() {
        let text = Self.hall(hall: #"{"name": "青溪县人社局"}"#, sms: #"{"gateway": "webhook", "url": "https://sms.example/send", "token": "t"}"#)
        #expect(throws: ConfigError.self) { try HallConfig.load(json: text) }
        do {
            _ = try HallConfig.load(json: text)
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("the webhook gateway needs \"signature\"") })
        }
    }

    @Test func theEmbeddedHallIsSignedAndCleanAndProgrammaticHallsUseTheirName() throws {
        let checked = try HallConfig.check(json: HallConfig.defaultHallJSON)
        #expect(checked.warnings.isEmpty, "\(checked.warnings)")
        #expect(checked.config.sms.signature == "【连城人社】")
        let built = HallConfig(name: "青溪县人社局", sessions: [], services: [], counters: [])
        #expect(built.sms.signature == "【青溪县人社局】")
    }

    @Test func aWarningIsFormattedAsSuch() {
        let w = ConfigDiagnostic(SourceLocation(line: 3, column: 1), "look", severity: .warning)
        #expect(w.formatted(file: "hall.json") == "hall.json:3: warning: look")
    }
}
