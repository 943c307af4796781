import Foundation
import KioskCore
import KioskStore
import Logging

extension OutboxWorker {
    /// One attempt at `message` (already claimed: `sending`): the checks that can spare the
    /// gateway a request, then the request. Returns the change to write; writes nothing.
    func attempt(_ message: OutboxMessage) async -> OutboxAttempt {
        var meta: Logger.Metadata = [
            "sms.id": "\(message.id)", "ticket.number": "\(message.ticket)", "sms.trigger": "\(message.trigger.rawValue)",
            "sms.to": "\(message.phoneMasked)", "sms.attempt": "\(message.attempts)",
        ]
        func answer(_ change: OutboxRecord.Change, _ outcome: String, _ level: Logger.Level, _ text: String, at now: Date) -> OutboxAttempt {
            OutboxAttempt(record: OutboxRecord(id: message.id, change, at: now), outcome: outcome, level: level, message: text, metadata: meta)
        }
        var now = options.clock()
        // Before the deadline: a deadline of the day before is always past on the next day's
        // clock, right or wrong.
        if await held(message.date) {
            return answer(.held(next: now.addingTimeInterval(options.holdInterval)), "held", .debug,
                          "sms held: its day is not the hall's, whose date is not yet trusted", at: now)
        }
        if now >= message.deadline {
            return answer(.final(.dropped, reason: "expired", status: nil, answer: nil), "dropped_expired", .notice, "sms dropped: past its deadline", at: now)
        }
        if message.text.utf16.count > SMSTemplate.segmentLength {
            // `config check` refuses templates that can do this; never cut a message silently.
            return answer(.final(.failed, reason: "too_long", status: nil, answer: nil), "failed_too_long", .error, "sms failed: longer than one segment", at: now)
        }
        let current: Bool
        if message.trigger.isAppointmentReminder {
            let booking = await appointmentState(message.date, message.ticket)
            current = message.trigger.isCurrent(forAppointment: booking)
            meta["appointment.state"] = "\(booking?.name ?? "gone")"
        } else {
            let state = await ticketState(message.date, message.ticket)
            current = message.trigger.isCurrent(for: state, window: message.counter)
            meta["ticket.state"] = "\(state?.name ?? "gone")"
        }
        guard current else {
            return answer(.final(.dropped, reason: "stale", status: nil, answer: nil), "dropped_stale", .info, "sms dropped: stale", at: options.clock())
        }
        let outcome = await gateway.send(message)
        now = options.clock()
        switch outcome {
        case let .accepted(status, text, gatewayID, delivered):
            return answer(.accepted(status: status, answer: text, gatewayID: gatewayID, delivered: delivered), delivered ? "delivered" : "accepted", .debug, "sms accepted", at: now)
        case let .logged(text):
            return answer(.logged(answer: text), "logged", .debug, "sms logged", at: now)
        case let .permanent(status, text):
            meta["sms.answer"] = "\(PhoneMasking.mask(text))"
            return answer(.final(.failed, reason: "permanent", status: status, answer: text), "failed_permanent", .error, "sms failed: the gateway refused it", at: now)
        case let .transient(status, text, retryAfter):
            meta["sms.answer"] = "\(PhoneMasking.mask(text))"
            let wait = options.retry.delay(afterAttempt: message.attempts, retryAfter: retryAfter, unit: options.random())
            let next = now.addingTimeInterval(wait)
            if message.attempts >= options.retry.maxAttempts {
                return answer(.final(.failed, reason: "gave_up", status: status, answer: text), "failed_gave_up", .error, "sms failed: no attempt got through", at: now)
            } else if next >= message.deadline {
                return answer(.final(.dropped, reason: "expired", status: status, answer: text), "dropped_expired", .warning,
                              "sms dropped: the gateway stayed unavailable until its deadline", at: now)
            } else {
                meta["sms.retry_in_s"] = "\(Int(wait.rounded()))"
                return answer(.retry(next: next, status: status, answer: text), "retried", .notice, "sms will be retried", at: now)
            }
        }
    }
}
