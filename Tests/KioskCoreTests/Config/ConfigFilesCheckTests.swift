import Foundation
import KioskCore
import Testing

/// `kiosk config check FILE…` as a library run: the embedded default when no file is named,
/// every file's lines in order, and one unreadable or broken file fails the run.
@Suite struct ConfigFilesCheckTests {
    struct Missing: LocalizedError {
        var errorDescription: String? { "no such file" }
    }

    @Test func noFileChecksTheEmbeddedDefault() {
        let check = ConfigFilesCheck(files: []) { _ in Issue.record("nothing is read"); return "" }
        #expect(check.lines == [.summary("<embedded default>: ok — 11 services, 8 windows, 2 sessions")])
        #expect(!check.failed)
    }

    @Test func everyFileIsCheckedInTurnAndOneBadFileFailsTheRun() {
        let files = ["good.json": HallConfig.defaultHallJSON, "broken.json": #"{"sessions": [["08:00", "25:00"]]}"#]
        let check = ConfigFilesCheck(files: ["missing.json", "good.json", "broken.json"]) { name in
            guard let text = files[name] else { throw Missing() }
            return text
        }
        #expect(check.failed)
        #expect(check.lines.first == .problem("missing.json: cannot read: no such file"))
        #expect(check.lines.contains(.summary("good.json: ok — 11 services, 8 windows, 2 sessions")))
        let broken = check.lines.compactMap { if case let .problem(text) = $0, text.hasPrefix("broken.json:") { text } else { nil } }
        #expect(!broken.isEmpty, "\(check.lines)")
        #expect(!check.lines.contains { if case let .summary(text) = $0 { text.hasPrefix("broken.json") } else { false } })
    }

    @Test func aGoodFileAlonePasses() {
        let check = ConfigFilesCheck(files: ["hall.json"]) { _ in HallConfig.defaultHallJSON }
        #expect(!check.failed)
        #expect(check.lines == [.summary("hall.json: ok — 11 services, 8 windows, 2 sessions")])
    }
}
