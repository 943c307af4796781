import Foundation
import KioskBench
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// Citizens answer through a real Kannel: the `sms-service` group `kiosk sms kannel-config`
/// prints goes into Kannel's config, a second `fakesmsc` sends the replies, and Kannel hands them
/// to `/v1/sms/mo`. "1" shows ✓ at the window, "2" cancels once with one confirmation, anything
/// else gets one help message, an unknown number gets nothing, and a reply without the key is
/// refused and changes nothing.
@Suite("Replies through a real Kannel", .serialized, .enabled(if: KannelHarness.installed, "needs kannel and kannel-extras"))
struct DaemonKannelReplyTests {
    static let citizen = "13800138000", caretaker = "13900139000", other = "13700137000", stranger = "13600136000"

    @Test func repliesAcknowledgeCancelAndGetHelpThroughKannel() async throws {
        guard KioskBinary.exists else { throw KannelHarness.Failure(description: "build the kiosk binary first") }
        let kannel = try KannelHarness()
        defer { kannel.stopAll() }
        var config = HallConfig.defaultHall
        config.sms = SMSSettings(
            gateway: .kannel, url: kannel.sendsmsURL, username: kannel.username, password: kannel.password, sender: kannel.sender,
            signature: "【连城人社】"
        )
        config.reply.enabled = true
        let counter = config.counters[0]
        let service = counter.services[0]
        let tokens = AccessTokens.forTests(config)
        let dataDirectory = NSTemporaryDirectory() + "kiosk-sms-reply-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let calendar = QueueEngine(config: config).calendar
        let opening = calendar.instant(on: SMSFixture.date, at: ClockTime("09:00")!)
        let started = Date()
        var options = KioskDaemon.Options.forSMSTests(
            config: config, dataDirectory: dataDirectory, clock: { opening.addingTimeInterval(Date().timeIntervalSince(started)) }
        )
        options.tickInterval = .seconds(1)
        try await InProcessDaemon.with(options) { daemon in try await exercise(daemon) }

        func exercise(_ daemon: InProcessDaemon) async throws {
            func replies(_ outcome: String) async throws -> Int {
                let text = try await daemon.send(.get, "/metrics", token: nil).text
                let prefix = "kiosk_sms_replies_total{outcome=\"\(outcome)\"} "
                return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
            }
            func reply(_ from: String, _ text: String, outcome: String) async throws {
                let before = try await replies(outcome)
                try await kannel.sendFromPhone(from, text)
                try await eventually("Kannel hands \"\(text)\" from \(from) to the daemon (\(outcome))", within: 60) {
                    try await replies(outcome) == before + 1
                }
            }
            func window() async throws -> JSONValue {
                try JSONParser.parse(try await daemon.send(.get, "/v1/windows/\(counter.id)", token: tokens.windows[counter.id]).text).value
            }

            // The group the hall pastes into Kannel's config, printed while the daemon runs.
            let printed = try await runKiosk(["sms", "kannel-config", "--data-dir", dataDirectory, "--callback-url", daemon.base])
            #expect(printed.status == 0, "\(printed.stderr)")
            let key = try String(contentsOfFile: dataDirectory + "/" + ReplyKey.fileName, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(printed.stdout.contains("get-url = \"\(daemon.base)/v1/sms/mo?from=%p&to=%P&text=%a&key=\(key)\""), "\(printed.stdout)")
            #expect(printed.stdout.contains("omit-empty = true") && printed.stdout.contains("group = sms-service"))
            kannel.smsService = printed.stdout
            try await kannel.boot()

            let take = try await daemon.send(.post, "/v1/tickets", token: tokens.kiosk,
                                      #"{"service":"\#(service)","priority":true,"phone":"\#(Self.citizen)","caretaker_phone":"\#(Self.caretaker)"}"#)
            #expect(take.status == 201 || take.status == 200, "\(take.text)")
            let elder = try #require(JSONParser.parse(take.text).value["ticket"]?.stringValue)
            let second = try await daemon.send(.post, "/v1/tickets", token: tokens.kiosk, #"{"service":"\#(service)","phone":"\#(Self.other)"}"#)
            let leaving = try #require(JSONParser.parse(second.text).value["ticket"]?.stringValue)
            #expect(try await daemon.send(.post, "/v1/windows/\(counter.id)/call", token: tokens.windows[counter.id]).status == 200)
            let yourTurn = config.sms.signature + "请\(elder)号到\(counter.name)办理。" + config.reply.invitation
            try await eventually("the your-turn text, with the invitation, at the SMSC for both numbers", within: 60) {
                Set(kannel.messages().filter { $0.text == yourTurn }.map(\.to)) == [Self.citizen, Self.caretaker]
            }

            // The caretaker answers 1: the window shows the acknowledgement.
            try await reply(Self.caretaker, "1", outcome: "acknowledged")
            #expect(try await window()["current"]?["acknowledged"]?.boolValue == true)
            #expect(try await window()["current"]?["state"]?.stringValue == "called")

            // Anything else: one help message, however often.
            try await reply(Self.citizen, "where is window 1", outcome: "help_sent")
            try await reply(Self.citizen, "hello?", outcome: "help_already_sent")
            let help = config.sms.signature + "\(elder)号：回复1确认前往，回复2放弃排队。"
            try await eventually("the help message reaches the citizen", within: 60) {
                kannel.messages().contains { $0.to == Self.citizen && $0.text == help }
            }

            // Without the key, or with a wrong one: 403, nothing changes.
            let journalBefore = try daemon.daemon.store.events(on: SMSFixture.date).count
            for query in ["from=\(Self.other)&text=2", "from=\(Self.other)&text=2&key=\(String(repeating: "0", count: key.count))",
                          "from=\(Self.other)&text=2&key=\(key.dropLast())"] {
                let refused = try await daemon.send(.get, "/v1/sms/mo?" + query, token: nil)
                #expect(refused.status == 403 && refused.text.contains("bad_key"), "\(refused.text)")
            }
            #expect(try daemon.daemon.store.events(on: SMSFixture.date).count == journalBefore)
            #expect(try await daemon.send(.get, "/v1/tickets/\(leaving)", token: nil).text.contains("\"waiting\""))

            // "2" gives the ticket up: the line moves, one confirmation; a second "2" finds no ticket.
            try await reply(Self.other, "2", outcome: "cancelled")
            #expect(try await daemon.send(.get, "/v1/tickets/\(leaving)", token: nil).text.contains("\"cancelled\""))
            try await reply(Self.other, "2", outcome: "unknown_number")
            // A number that took no ticket: nothing done, nothing sent.
            try await reply(Self.stranger, "1", outcome: "unknown_number")

            // Whatever Kannel still holds reaches a listening SMSC again.
            kannel.stop("fakesmsc")
            try await kannel.startFakesmsc()
            let confirmation = config.sms.signature + "\(leaving)号已取消排队。如需办理，请重新取号。"
            try await eventually("the cancel confirmation reaches its citizen", within: 60) {
                kannel.messages().contains { $0.to == Self.other && $0.text == confirmation }
            }
            let all = kannel.messages()
            #expect(all.filter { $0.text == confirmation }.count == 1, "\(all)")
            #expect(all.filter { $0.text == help }.count == 1, "\(all)")
            #expect(!all.contains { $0.to == Self.stranger }, "\(all)")
            // Kannel sent none of the daemon's (empty) HTTP answers back as a message.
            #expect(all.allSatisfy { $0.text.hasPrefix(config.sms.signature) }, "\(all)")
            let events = try daemon.daemon.store.events(on: SMSFixture.date).map(\.event.kind)
            #expect(events.filter { $0 == .acknowledged(ticket: elder) }.count == 1)
            #expect(events.filter { $0 == .cancelled(ticket: leaving) }.count == 1)
            // Replies matched to a ticket are journaled and counted: 1, two others, 2.
            let stats = try JSONParser.parse(try await daemon.send(.get, "/v1/stats", token: tokens.display).text).value
            #expect(stats["replies"]?["received"]?.intValue == 4, "\(stats)")
            #expect(stats["replies"]?["acknowledged"]?.intValue == 1 && stats["replies"]?["cancelled"]?.intValue == 1, "\(stats)")
        }
    }
}
