import Foundation
import KioskBench
import KioskCore
import KioskHTTPClient
import KioskServer
import KioskSMS
import KioskStore
import KioskTestSupport
import Testing

/// Delivery reports as an attacker on the hall's LAN would send them, against a real daemon and
/// a real Kannel: without the signature Kiosk put in the `dlr-url`, a report is refused and
/// changes nothing; a message the gateway refused cannot become delivered even with one.
@Suite("Signed delivery reports", .serialized, .enabled(if: KannelHarness.installed, "needs kannel and kannel-extras"))
struct SignedDeliveryReportTests {
    static let kiosk = "kiosk-0123456789abcdef"

    func hall(gatewayURL: String, _ kannel: KannelHarness) -> HallConfig {
        var config = HallConfig.defaultHall
        config.sms = SMSSettings(gateway: .kannel, url: gatewayURL, username: kannel.username, password: kannel.password, sender: kannel.sender)
        return config
    }

    /// A hall clock that runs, from 09:00 on a Monday.
    func runningClock(_ config: HallConfig) -> @Sendable () -> Date {
        let opening = QueueEngine(config: config).calendar.instant(on: SMSFixture.date, at: ClockTime("09:00")!)
        let started = Date()
        return { opening.addingTimeInterval(Date().timeIntervalSince(started)) }
    }

    func get(_ url: String) async throws -> HTTPResponse {
        try await CurlHTTPTransport().send(HTTPRequest(method: .get, url: url))
    }

    /// Takes a ticket with a phone number at the first window's first service and calls it:
    /// one your-turn message. Returns the ticket.
    func takeAndCall(_ base: String, _ config: HallConfig) async throws -> TicketNumber {
        let counter = config.counters[0]
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(Self.kiosk)")
        headers.add(name: "Content-Type", value: "application/json")
        let http = CurlHTTPTransport()
        let take = try await http.send(HTTPRequest(
            method: .post, url: base + "/v1/tickets", headers: headers, body: Data(#"{"service":"\#(counter.services[0])","phone":"13800138000"}"#.utf8)
        ))
        #expect(take.status == 201, "\(take.text)")
        let number = try #require(try JSONParser.parse(take.text).value["ticket"]?.stringValue)
        var window = HTTPHeaders()
        window.add(name: "Authorization", value: "Bearer window-\(counter.id)-0123456789abcdef")
        let call = try await http.send(HTTPRequest(method: .post, url: base + "/v1/windows/\(counter.id)/call", headers: window))
        #expect(call.status == 200, "\(call.text)")
        return number
    }

    @Test func forgedReportsAreRefusedAndChangeNothingWhileKannelsOwnDeliverIt() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        // No SMSC: Kannel takes the message (3: Queued) and no report can come yet.
        kannel.stop("fakesmsc")
        try await eventually("SMSC seen offline") { await !kannel.status().contains("(online") }
        let config = hall(gatewayURL: kannel.sendsmsURL, kannel)
        let dataDirectory = NSTemporaryDirectory() + "kiosk-dlr-forged-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        try await InProcessDaemon.with(.forSMSTests(config: config, dataDirectory: dataDirectory, clock: runningClock(config))) { daemon in
            let base = daemon.base
            let number = try await takeAndCall(base, config)
            let journal = daemon.daemon.store
            try await eventually("the your-turn message accepted (queued) by Kannel") {
                try journal.outboxMessages(date: SMSFixture.date, ticket: number).contains { $0.trigger == .yourTurn && $0.state == .accepted }
            }
            let message = try #require(try journal.outboxMessages(date: SMSFixture.date, ticket: number).first { $0.trigger == .yourTurn })
            let id = message.id
            let key = try #require(FileManager.default.contents(atPath: dataDirectory + "/dlr.key"))
            #expect(key.count > 32)
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: dataDirectory + "/dlr.key")[.posixPermissions] as? Int)
            #expect(mode == 0o600)

            // The attacks: no signature, a made-up one, another message's, a truncated one, a key
            // of our own making.
            let signer = try DeliveryReportSigner.loadOrCreate(dataDirectory: dataDirectory)
            let ownKey = DeliveryReportSigner(key: DeliveryReportSigner.randomBytes(32))
            let forged = [
                "/v1/sms/dlr?id=\(id)&type=1",
                "/v1/sms/dlr?id=\(id)&sig=&type=1",
                "/v1/sms/dlr?id=\(id)&sig=\(String(repeating: "0", count: 32))&type=1",
                "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id + 1))&type=1",
                "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id).prefix(16))&type=1",
                "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id).uppercased())&type=1",
                "/v1/sms/dlr?id=\(id)&sig=\(ownKey.signature(for: id))&type=1",
                "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id))x&type=1",
            ]
            for path in forged {
                let answer = try await get(base + path)
                #expect(answer.status == 403 && answer.text.contains("bad_signature"), "\(path): \(answer.status) \(answer.text)")
            }
            let after = try #require(try journal.outboxMessage(id: id))
            #expect(after.state == .accepted && after.dlrType == nil, "\(after)")
            let metrics = try await get(base + "/metrics")
            #expect(metrics.text.contains(#"kiosk_refused_total{reason="bad_signature"} \#(forged.count)"#), "\(metrics.text)")

            // Kannel's own report, through the signed URL Kiosk gave it, is believed.
            try await kannel.startFakesmsc()
            try await eventually("Kannel's report marks it delivered", within: 60) { try journal.outboxMessage(id: id)?.state == .delivered }
            #expect(try journal.outboxMessage(id: id)?.dlrType == 1)
        }
    }

    @Test func aMessageTheGatewayAnswered503ToCannotBecomeDelivered() async throws {
        let kannel = try await KannelHarness.start()
        defer { kannel.stopAll() }
        let flaky = try FlakyGateway(upstream: "http://127.0.0.1:\(kannel.sendsmsPort)", mode: "503", count: 1000)
        defer { flaky.stop() }
        let config = hall(gatewayURL: flaky.url, kannel)
        let dataDirectory = NSTemporaryDirectory() + "kiosk-dlr-503-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        var options = KioskDaemon.Options.forSMSTests(config: config, dataDirectory: dataDirectory, clock: runningClock(config))
        // After the first 503 the message waits a minute: long enough to attack it.
        options.smsRetry = RetryPolicy(base: 60, cap: 60, maxRetryAfter: 60, maxAttempts: 5)
        try await InProcessDaemon.with(options) { daemon in
            let base = daemon.base
            let number = try await takeAndCall(base, config)
            let journal = daemon.daemon.store
            try await eventually("the gateway refused the your-turn message once") {
                try journal.outboxMessages(date: SMSFixture.date, ticket: number).contains { $0.trigger == .yourTurn && $0.state == .pending && $0.gatewayStatus == 503 }
            }
            let id = try #require(try journal.outboxMessages(date: SMSFixture.date, ticket: number).first { $0.trigger == .yourTurn }?.id)
            // Forged: refused. Even a correctly signed report (a leaked URL, a replay) cannot
            // deliver a message the gateway never took.
            let unsigned = try await get(base + "/v1/sms/dlr?id=\(id)&type=1")
            #expect(unsigned.status == 403, "\(unsigned.text)")
            let signer = try DeliveryReportSigner.loadOrCreate(dataDirectory: dataDirectory)
            let signed = try await get(base + "/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id))&type=1")
            #expect(signed.status == 409 && signed.text.contains("not_accepted"), "\(signed.status) \(signed.text)")
            let message = try #require(try journal.outboxMessage(id: id))
            #expect(message.state == .pending && message.dlrType == nil, "\(message)")
            let window = try await CurlHTTPTransport().send(HTTPRequest(
                method: .get, url: base + "/v1/windows/\(config.counters[0].id)",
                headers: ["Authorization": "Bearer window-\(config.counters[0].id)-0123456789abcdef"]
            ))
            #expect(try JSONParser.parse(window.text).value["sms"]?.stringValue == "pending", "\(window.text)")
        }
    }
}
