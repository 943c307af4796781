import Foundation
import Hummingbird
import KioskAPI
import KioskCore
import KioskStore

/// The SMS gateway's delivery-report callback. No token: Kannel calls it with the URL we gave
/// it (`dlr-url`), which carries the message id and its signature (`DeliveryReportSigner`); a
/// report without a valid signature is refused (403) and changes nothing. The message id is
/// validated strictly and the answer says nothing more than the message's new state.
/// Idempotent; answers at once.
extension KioskAPI {
    func registerSMS(on router: Router<KioskRequestContext>) {
        router.get("/v1/sms/dlr") { request, _ in
            let query = request.uri.queryParameters
            guard let idText = query.get("id"), (1...18).contains(idText.count), idText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let id = Int64(idText), id > 0
            else { throw APIError.badRequest("bad_message_id", "id must be a message id (1–18 digits)") }
            guard let signature = query.get("sig"), let reportSigner, reportSigner.isValid(signature, for: id) else {
                metrics.recordRefused("bad_signature")
                throw APIError(.forbidden, "bad_signature", "签名无效 The report's signature is missing or wrong; nothing was changed")
            }
            guard let typeText = query.get("type"), (1...3).contains(typeText.count), typeText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let type = Int(typeText)
            else { throw APIError.badRequest("bad_report_type", "type must be a delivery report type (Kannel's %d: 1, 2, 4, 8, 16)") }
            let outcome: DeliveryReportOutcome
            do {
                outcome = try await hall.journal.applyDeliveryReport(id: id, type: type, delivered: Self.delivered(kannelType: type), now: hall.now())
            } catch {
                throw APIError(.serviceUnavailable, "journal_unavailable", "暂时无法保存 The outbox could not record the report; try again")
            }
            switch outcome {
            case .unknownMessage:
                throw APIError(.notFound, "unknown_message", "没有这条短信 No message has this id")
            case let .notAccepted(state):
                throw APIError(.conflict, "not_accepted", "网关尚未接收这条短信 The gateway has not taken this message (it is \(state.rawValue)); nothing was changed")
            case let .applied(state), let .unchanged(state):
                return JSONResponse.make(DeliveryReportAnswer(id: id, state: state.rawValue))
            }
        }
    }

    /// Citizens' replies, as Kannel's `sms-service` hands them over (`KannelReplyService`). No
    /// token: the URL carries the static reply key (`ReplyKey`); without it the answer is 403 and
    /// nothing changes. With it the answer is always 200 with an empty body, whatever the reply
    /// did: Kannel would send any body back to the citizen as an SMS (garbled, for Chinese).
    /// The daemon sends its own answers (the help, the cancel confirmation) through the outbox.
    func registerReplies(on router: Router<KioskRequestContext>) {
        router.get("/v1/sms/mo") { request, _ -> Response in
            let query = request.uri.queryParameters
            guard let key = query.get("key"), let replyKey, replyKey.matches(key) else {
                metrics.recordRefused("bad_reply_key")
                throw APIError(.forbidden, "bad_key", "密钥无效 The reply key is missing or wrong; nothing was changed")
            }
            guard let from = query.get("from"), (1...32).contains(from.count) else {
                throw APIError.badRequest("bad_sender", "from must be the sender's number (Kannel's %p)")
            }
            let text = query.get("text") ?? ""
            guard text.count <= 1000 else { throw APIError.badRequest("bad_text", "text is longer than any SMS reply (1000 characters at most)") }
            // Not a mainland mobile number: no ticket can have left it.
            guard let phone = PhoneNumber(from) else { return Self.emptyReply }
            let outcome: ReplyOutcome
            do {
                outcome = try await hall.reply(from: phone, text: text)
            } catch {
                throw APIError(.serviceUnavailable, "journal_unavailable", "暂时无法保存 The reply could not be recorded; nothing was changed")
            }
            metrics.recordReply(outcome)
            logger.info("sms reply", metadata: ["sms.from": "\(phone.masked)", "sms.reply": "\(outcome.label)", "ticket.number": "\(outcome.ticket ?? "-")"])
            return Self.emptyReply
        }
    }

    /// 200 with no body: `omit-empty` makes Kannel send nothing back.
    static var emptyReply: Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody())
    }

    /// Kannel's report types: 1 delivered, 2 failed, 16 rejected by the SMSC end a message;
    /// 4 (buffered) and 8 (SMSC ack) are on the way.
    static func delivered(kannelType type: Int) -> Bool? {
        if type & 1 != 0 { return true }
        if type & 2 != 0 || type & 16 != 0 { return false }
        return nil
    }

    /// The state of the your-turn message of `ticket` to `window` (the best of its recipients'),
    /// if any: after a transfer, the old window's message says nothing about this call.
    func yourTurnSMS(_ ticket: TicketNumber?, on date: BusinessDate?, window: CounterID) async -> String? {
        guard let ticket, let date,
              let messages = try? await hall.journal.outboxMessages(date: date, ticket: ticket)
                .filter({ $0.trigger == .yourTurn && ($0.counter == nil || $0.counter == window) }),
              !messages.isEmpty
        else { return nil }
        let rank: [OutboxState] = [.delivered, .logged, .accepted, .sending, .pending, .failed, .dropped]
        return rank.first { state in messages.contains { $0.state == state } }?.rawValue
    }
}
