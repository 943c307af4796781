import Foundation
import KioskBench
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskSMS
import KioskStore
import Logging
import KioskTestSupport
import Testing

/// The whole path with a real daemon and a real Kannel: the kiosk takes a phone, the window
/// calls, the your-turn text reaches the SMSC intact, Kannel's delivery report comes back to
/// `/v1/sms/dlr`, and the window sees "delivered".
@Suite("Daemon with a real Kannel", .serialized, .enabled(if: KannelHarness.installed, "needs kannel and kannel-extras"))
struct DaemonKannelTests {
    @Test func yourTurnReachesTheSMSCInChineseAndTheDLRMarksItDelivered() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        var config = HallConfig.defaultHall
        config.sms = SMSSettings(
            gateway: .kannel, url: kannel.sendsmsURL, username: kannel.username, password: kannel.password, sender: kannel.sender,
            signature: "【连城人社】"
        )
        let counter = config.counters[0]
        let service = counter.services[0]
        let tokens = AccessTokens.forTests(config)
        let dataDirectory = NSTemporaryDirectory() + "kiosk-sms-daemon-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        // A hall clock that runs, from 09:00 on a Monday.
        let calendar = QueueEngine(config: config).calendar
        let opening = calendar.instant(on: SMSFixture.date, at: ClockTime("09:00")!)
        let started = Date()
        var options = KioskDaemon.Options.forSMSTests(
            config: config, dataDirectory: dataDirectory, clock: { opening.addingTimeInterval(Date().timeIntervalSince(started)) },
            headsUpInterval: .milliseconds(100)
        )
        options.tickInterval = .seconds(1)
        options.logger.logLevel = .error
        try await InProcessDaemon.with(options) { daemon in try await exercise(daemon) }

        func exercise(_ daemon: InProcessDaemon) async throws {
            let take = try await daemon.send(.post, "/v1/tickets", token: tokens.kiosk, #"{"service":"\#(service)","phone":"13800138000","caretaker_phone":"13900139000"}"#)
            #expect(take.status == 200 || take.status == 201, "\(take.text)")
            let number = try #require(try JSONParser.parse(take.text).value["ticket"]?["ticket"]?.stringValue ?? JSONParser.parse(take.text).value["ticket"]?.stringValue)
            let call = try await daemon.send(.post, "/v1/windows/\(counter.id)/call", token: tokens.windows[counter.id])
            #expect(call.status == 200, "\(call.text)")

            let expected = config.sms.signature + "请\(number)号到\(counter.name)办理。"
            try await eventually("your-turn text at the SMSC for citizen and caretaker") {
                let got = kannel.messages().filter { $0.text == expected }
                return Set(got.map(\.to)) == ["13800138000", "13900139000"]
            }
            let journal = daemon.daemon.store
            try await eventually("the DLR marks it delivered") {
                try journal.outboxMessages(date: SMSFixture.date, ticket: number).filter { $0.trigger == .yourTurn }.allSatisfy { $0.state == .delivered }
            }
            let yourTurn = try journal.outboxMessages(date: SMSFixture.date, ticket: number).filter { $0.trigger == .yourTurn }
            #expect(yourTurn.count == 2)
            #expect(yourTurn.allSatisfy { $0.dlrType == 1 })
            #expect(kannel.messages().filter { $0.text == expected }.count == 2)  // once per recipient

            let window = try await daemon.send(.get, "/v1/windows/\(counter.id)", token: tokens.windows[counter.id])
            #expect(try JSONParser.parse(window.text).value["sms"]?.stringValue == "delivered", "\(window.text)")
            #expect(!window.text.contains("13800138000") && !take.text.contains("13800138000") && !call.text.contains("13800138000"))

            // The callback: no token but a signature, strict id, idempotent, unknown ids are 404s.
            let id = yourTurn[0].id
            let signer = try DeliveryReportSigner.loadOrCreate(dataDirectory: dataDirectory)
            let again = try await daemon.send(.get, "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id))&type=1", token: nil)
            #expect(again.status == 200 && again.text.contains("\"delivered\""), "\(again.text)")
            #expect(try await daemon.send(.get, "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id))&type=2", token: nil).text.contains("\"delivered\""))
            #expect(try await daemon.send(.get, "/v1/sms/dlr?id=99999&sig=\(signer.signature(for: 99999))&type=1", token: nil).status == 404)
            #expect(try await daemon.send(.get, "/v1/sms/dlr?id=1;DROP&type=1", token: nil).status == 400)
            #expect(try await daemon.send(.get, "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id))", token: nil).status == 400)

            let metrics = try await daemon.send(.get, "/metrics", token: nil)
            #expect(metrics.text.contains("kiosk_sms_messages_total{outcome=\"accepted\"}"), "\(metrics.text)")
            // Served: a recall message for it now would be stale; nothing more goes out.
            _ = try await daemon.send(.post, "/v1/windows/\(counter.id)/start", token: tokens.windows[counter.id])
        }
    }
}
