import Foundation
import KioskCore
import KioskHTTPClient
import KioskStore
import Synchronization
import Testing
@testable import KioskSMS

/// The send both HTTP gateways share (Kannel's and the webhook's), against a transport that
/// records what it is asked and answers as told.
@Suite struct HTTPGatewayLinkTests {
    final class RecordingTransport: HTTPTransport {
        let answer: Result<HTTPResponse, HTTPTransportError>
        let sent = Mutex<[HTTPRequest]>([])
        init(_ answer: Result<HTTPResponse, HTTPTransportError>) { self.answer = answer }
        func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
            sent.withLock { $0.append(request) }
            return try answer.get()
        }
    }

    let now = Date(timeIntervalSince1970: 1_772_413_200)

    func message(phone: PhoneNumber?) -> OutboxMessage {
        OutboxMessage(
            id: 7, date: BusinessDate("2026-03-02")!, ticket: "C014", trigger: .yourTurn, recipient: .citizen,
            phone: phone, phoneMasked: "138****8000", text: "请C014号到3号窗口办理。", state: .sending, reason: nil, attempts: 1,
            createdAt: now, nextAttemptAt: now, deadline: now.addingTimeInterval(3600), updatedAt: now
        )
    }

    func gateways(_ transport: RecordingTransport) -> [any SMSGateway] {
        [
            KannelGateway(url: "http://127.0.0.1:13013/cgi-bin/sendsms", username: "u", password: "p", sender: nil,
                          callback: CallbackAddress(), timeout: 3, transport: transport, clock: { [now] in now }),
            WebhookGateway(url: "http://127.0.0.1:9/sms", token: "t", sender: nil, callback: CallbackAddress(), timeout: 3,
                           transport: transport, clock: { [now] in now }),
        ]
    }

    @Test func aPurgedNumberIsRefusedWithoutARequest() async {
        let transport = RecordingTransport(.success(HTTPResponse(status: 202, body: Data("0: Accepted".utf8))))
        for gateway in gateways(transport) {
            #expect(await gateway.send(message(phone: nil)) == .permanent(status: nil, answer: "no phone number (purged)"))
        }
        #expect(transport.sent.withLock(\.count) == 0)
    }

    @Test func theAnswerIsTheAdaptersToClassify() async {
        let transport = RecordingTransport(.success(HTTPResponse(status: 503, headers: ["Retry-After": "7"], body: Data("busy".utf8))))
        for gateway in gateways(transport) {
            #expect(await gateway.send(message(phone: PhoneNumber("13800138000"))) == .transient(status: 503, answer: "busy", retryAfter: 7))
        }
        let sent = transport.sent.withLock { $0 }
        #expect(sent.map(\.method) == [.get, .post])
        #expect(sent.allSatisfy { $0.timeout == 3 && $0.connectTimeout == 3 })
    }

    @Test func aTransportFailureIsClassifiedAlike() async {
        let transport = RecordingTransport(.failure(.connectionRefused(message: "refused")))
        for gateway in gateways(transport) {
            #expect(await gateway.send(message(phone: PhoneNumber("13800138000"))) == SMSAnswerClassifier.transportFailure(.connectionRefused(message: "refused")))
        }
    }

    @Test func connectingGetsAtMostFiveSecondsOfTheTimeout() {
        let transport = RecordingTransport(.failure(.emptyReply))
        #expect(HTTPGatewayLink(callback: CallbackAddress(), timeout: 30, transport: transport, clock: Date.init).connectTimeout == 5)
        #expect(HTTPGatewayLink(callback: CallbackAddress(), timeout: 2, transport: transport, clock: Date.init).connectTimeout == 2)
    }
}
