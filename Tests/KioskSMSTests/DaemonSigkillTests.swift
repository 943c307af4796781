import Foundation
import KioskBench
import KioskTestSupport
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskStore
import Testing

/// The built `kiosk serve` with a real Kannel, killed with SIGKILL while its outbox is sending:
/// after a restart every message goes out, and duplicates are bounded by the messages that
/// were in flight (claimed `sending`, request possibly at Kannel, answer not yet recorded): at
/// most the outbox's window, 2 × `concurrency`.
@Suite("kiosk serve killed mid-send", .serialized, .enabled(if: KannelHarness.installed && KioskBinary.exists))
struct DaemonSigkillTests {
    @Test func sigkillMidSendLosesNothingAndDuplicatesOnlyTheInFlight() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        let dataDirectory = NSTemporaryDirectory() + "kiosk-sms-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }

        // The default hall with Kannel as its gateway; near-turn off so only issue messages count.
        var json = HallConfig.defaultHallJSON.trimmingCharacters(in: .whitespacesAndNewlines)
        // Replace the embedded hall's own (log) sms section.
        let ownSMS = try #require(json.range(of: #",\s*"sms": \{[^}]*\}"#, options: .regularExpression))
        json.removeSubrange(ownSMS)
        json.removeLast()
        json += """
            , "sms": {"gateway": "kannel", "url": "\(kannel.sendsmsURL)", "username": "\(kannel.username)", "signature": "【连城人社】",
                      "password": "\(kannel.password)", "sender": "\(kannel.sender)", "concurrency": 4,
                      "templates": {"near_turn": "", "your_turn": "", "recalled": "", "no_show": ""}}}
            """
        let configPath = dataDirectory + "/hall.json"
        try json.write(toFile: configPath, atomically: true, encoding: .utf8)
        let config = try HallConfig.load(json: json)
        let tokens = AccessTokens.generate(for: config)
        let tokensPath = dataDirectory + "/tokens.json"
        try tokens.jsonValue.serialized().write(toFile: tokensPath, atomically: true, encoding: .utf8)
        let http = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 8))

        // Tickets with phones while the outbox worker is already sending their issue texts.
        let serve = DaemonProcess(dataDir: dataDirectory)
        defer { serve.kill() }
        try await serve.start(at: "2026-03-02 09:00", config: configPath, tokens: tokensPath)
        let services = config.services.map(\.code)
        var taken = 0
        for i in 0..<80 {
            let body = #"{"service":"\#(services[i % services.count])","phone":"1380000\#(String(format: "%04d", i))"}"#
            let answer = try await http.send(HTTPRequest(
                method: .post, url: serve.base + "/v1/tickets",
                headers: ["Authorization": "Bearer \(tokens.kiosk)", "Content-Type": "application/json"], body: Data(body.utf8)
            ))
            if answer.status == 201 { taken += 1 }
            if kannel.messages().count >= 20 { break }
        }
        try await eventually("some texts at the SMSC") { kannel.messages().count >= 10 }
        serve.kill()
        let atKill = kannel.messages().count

        let journalPath = dataDirectory + "/journal.sqlite"
        let calendar = QueueEngine(config: config).calendar
        let afterKill = try SQLiteJournal(path: journalPath, calendar: calendar).outboxCounts()
        let inFlight = afterKill[.sending] ?? 0

        try await serve.start(at: "2026-03-02 09:00", config: configPath, tokens: tokensPath)
        try await eventually("every message accepted after the restart", within: 60) {
            let counts = try SQLiteJournal(path: journalPath, calendar: calendar).outboxCounts()
            return counts.keys.allSatisfy { $0 == .accepted || $0 == .delivered } && counts.values.reduce(0, +) == taken
        }
        try await eventually("every text at the SMSC", within: 30) { Set(kannel.messages().map(\.text)).count == taken }
        let got = kannel.messages()
        let duplicates = got.count - Set(got.map { "\($0.to) \($0.text)" }).count
        print("KANNEL SIGKILL: \(taken) tickets with phones; \(atKill) texts at the SMSC when killed; \(inFlight) rows left `sending`; after restart \(got.count) lines for \(taken) messages → \(duplicates) duplicates, 0 lost")
        #expect(Set(got.map(\.text)).count == taken)
        #expect(duplicates <= inFlight)
        #expect(inFlight <= 2 * 4)   // the window of "concurrency": 4
    }
}

