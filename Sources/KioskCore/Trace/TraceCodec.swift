import Foundation

/// Writes events as trace-format v1 lines (the wait-eval README) and reads them back.
///
/// One codec for the journal's rows, `kiosk export`, `kiosk replay` and tests: times are
/// seconds since local midnight of the business date (to the millisecond), keys follow the
/// trace format, and kinds it does not define get extra `ev` names its tools ignore.
/// Never a phone number: an issue only says whether the citizen left one.
public struct TraceCodec: Sendable {
    public let calendar: HallCalendar
    public let date: BusinessDate
    private let midnightMs: Int64

    public init(calendar: HallCalendar, date: BusinessDate) {
        self.calendar = calendar
        self.date = date
        self.midnightMs = calendar.midnight(of: date).millisecondsSince1970
    }

    public struct DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Seconds since local midnight, to the millisecond.
    public func secondsOfDay(_ instant: Date) -> Double {
        Double(instant.millisecondsSince1970 - midnightMs) / 1000
    }

    public func instant(secondsOfDay t: Double) -> Date {
        Date(millisecondsSince1970: midnightMs + Int64((t * 1000).rounded()))
    }

    /// The event as one trace line's object: `t`, `ev`, then the kind's fields.
    public func encode(_ event: HallEvent) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("t", .number(secondsOfDay(event.at)))]
        func add(_ key: String, _ value: JSONValue) { m.append((key, value)) }
        func ev(_ name: String) { add("ev", .string(name)) }
        switch event.kind {
        case let .dayStarted(date): ev("day"); add("date", .string(date.description))
        case let .sessionOpened(k): ev("open"); add("session", .number(Double(k)))
        case let .sessionClosed(k): ev("close"); add("session", .number(Double(k)))
        case let .issued(ticket, service, priority, contact, audit):
            ev("issue"); add("ticket", .string(ticket)); add("service", .string(service)); add("priority", .number(priority ? 1 : 0))
            if contact { add("contact", .bool(true)) }
            if let audit { add("audit", .string(audit)) }
        case let .called(ticket, counter, audit):
            ev("call"); add("ticket", .string(ticket)); add("counter", .string(counter))
            if let audit { add("audit", .string(audit)) }
        case let .recalled(ticket, counter, n):
            ev("recall"); add("ticket", .string(ticket)); add("counter", .string(counter)); add("n", .number(Double(n)))
        case let .noShow(ticket, counter, automatic):
            ev("noshow"); add("ticket", .string(ticket)); add("counter", .string(counter)); add("automatic", .bool(automatic))
        case let .started(ticket, counter): ev("start"); add("ticket", .string(ticket)); add("counter", .string(counter))
        case let .finished(ticket, counter): ev("finish"); add("ticket", .string(ticket)); add("counter", .string(counter))
        case let .transferred(ticket, counter, from, to):
            ev("transfer"); add("ticket", .string(ticket)); add("counter", .string(counter))
            add("from", .string(from)); add("service", .string(to))
        case let .parked(ticket, counter): ev("park"); add("ticket", .string(ticket)); add("counter", .string(counter))
        case let .unparked(ticket, counter): ev("unpark"); add("ticket", .string(ticket)); add("counter", .string(counter))
        case let .cancelled(ticket): ev("cancel"); add("ticket", .string(ticket))
        case let .replied(ticket, answer): ev("reply"); add("ticket", .string(ticket)); add("answer", .string(answer.rawValue))
        case let .acknowledged(ticket): ev("ack"); add("ticket", .string(ticket))
        case let .escalated(ticket, counter): ev("escalate"); add("ticket", .string(ticket)); add("counter", .string(counter))
        case let .reactivated(ticket, audit): ev("reactivate"); add("ticket", .string(ticket)); add("audit", .string(audit))
        case let .paused(counter, until):
            ev("pause"); add("counter", .string(counter))
            if let until { add("until", .number(secondsOfDay(until))) }
        case let .resumed(counter): ev("resume"); add("counter", .string(counter))
        case let .counterClosed(counter): ev("counter_close"); add("counter", .string(counter))
        case let .counterOpened(counter): ev("counter_open"); add("counter", .string(counter))
        case let .coverStarted(counter, covered, audit):
            ev("cover"); add("counter", .string(counter)); add("covered", .string(covered)); add("audit", .string(audit))
        case let .coverEnded(counter, covered, audit):
            ev("uncover"); add("counter", .string(counter)); add("covered", .string(covered)); add("audit", .string(audit))
        case let .serviceClosed(service, audit): ev("service_close"); add("service", .string(service)); add("audit", .string(audit))
        case let .serviceReopened(service, audit): ev("service_reopen"); add("service", .string(service)); add("audit", .string(audit))
        case let .rated(ticket, counter, service, score, reason):
            ev("rate"); add("ticket", .string(ticket)); add("counter", .string(counter)); add("service", .string(service))
            add("score", .number(Double(score)))
            if let reason { add("reason", .string(reason)) }
        case let .followUpClosed(ratedOn, ticket, note, audit):
            ev("followup_close"); add("rated_on", .string(ratedOn.description)); add("ticket", .string(ticket))
            add("note", .string(note)); add("audit", .string(audit))
        case let .configChanged(version, audit):
            ev("config"); add("version", .number(Double(version))); add("audit", .string(audit))
        case let .adviceGiven(note):
            ev("advice"); add("id", .string(note.id))
            add("longest_before", .number(Double(note.longestBefore))); add("longest_after", .number(Double(note.longestAfter)))
            add("past_target_before", .number(Double(note.pastTargetBefore))); add("past_target_after", .number(Double(note.pastTargetAfter)))
        case let .handedToReview(ticket, counter, note):
            ev("review_handoff"); add("ticket", .string(ticket)); add("counter", .string(counter))
            if let note { add("note", .string(note)) }
        case let .reviewTaken(ticket, reviewer): ev("review_take"); add("ticket", .string(ticket)); add("reviewer", .string(reviewer))
        case let .reviewApproved(ticket, reviewer): ev("review_approve"); add("ticket", .string(ticket)); add("reviewer", .string(reviewer))
        case let .reviewReturned(ticket, reviewer, reason):
            ev("review_return"); add("ticket", .string(ticket)); add("reviewer", .string(reviewer)); add("reason", .string(reason))
        case let .calledBack(ticket, counter): ev("call_back"); add("ticket", .string(ticket)); add("counter", .string(counter))
        case let .appointmentBooked(code, service, date, time, contact):
            ev("appt_book"); add("code", .string(code)); add("service", .string(service)); add("date", .string(date.description))
            add("time", .string(time.description))
            if contact { add("contact", .bool(true)) }
        case let .appointmentCancelled(code, date): ev("appt_cancel"); add("code", .string(code)); add("date", .string(date.description))
        case let .appointmentCheckedIn(code, date, ticket, slot):
            ev("appt_checkin"); add("code", .string(code)); add("date", .string(date.description)); add("ticket", .string(ticket))
            if let slot { add("slot", .string(slot.description)) }
        case let .appointmentReleased(code, date): ev("appt_release"); add("code", .string(code)); add("date", .string(date.description))
        }
        return .object(m)
    }

    /// Reads one trace line's object. Returns nil for lines that are not hall events
    /// (`meta`, `end`, and `ev` names from newer writers), throws for a malformed known one.
    public func decode(_ line: JSONValue) throws(DecodingError) -> HallEvent? {
        guard let ev = line["ev"]?.stringValue else { throw DecodingError(message: "missing \"ev\"") }
        if ev == "meta" || ev == "end" { return nil }
        guard let t = line["t"]?.doubleValue else { throw DecodingError(message: "\(ev): missing numeric \"t\"") }

        func string(_ key: String) throws(DecodingError) -> String {
            guard let s = line[key]?.stringValue else { throw DecodingError(message: "\(ev): missing string \"\(key)\"") }
            return s
        }
        func int(_ key: String) throws(DecodingError) -> Int {
            guard let n = line[key]?.intValue else { throw DecodingError(message: "\(ev): missing integer \"\(key)\"") }
            return n
        }
        func flag(_ key: String) -> Bool? {
            if let b = line[key]?.boolValue { return b }
            return line[key]?.intValue.map { $0 != 0 }
        }

        let kind: HallEvent.Kind
        switch ev {
        case "day":
            guard let date = BusinessDate(try string("date")) else { throw DecodingError(message: "day: bad date") }
            kind = .dayStarted(date)
        case "open": kind = .sessionOpened(try int("session"))
        case "close": kind = .sessionClosed(try int("session"))
        case "issue":
            kind = .issued(
                ticket: try string("ticket"), service: try string("service"), priority: flag("priority") ?? false,
                contact: flag("contact") ?? false, audit: line["audit"]?.stringValue
            )
        case "call": kind = .called(ticket: try string("ticket"), counter: try string("counter"), audit: line["audit"]?.stringValue)
        case "recall": kind = .recalled(ticket: try string("ticket"), counter: try string("counter"), n: try int("n"))
        case "noshow":
            // The simulator's no-shows are the recall timer's; it writes no flag.
            kind = .noShow(ticket: try string("ticket"), counter: try string("counter"), automatic: flag("automatic") ?? true)
        case "start": kind = .started(ticket: try string("ticket"), counter: try string("counter"))
        case "finish": kind = .finished(ticket: try string("ticket"), counter: try string("counter"))
        case "transfer":
            kind = .transferred(ticket: try string("ticket"), counter: try string("counter"), from: try string("from"), to: try string("service"))
        case "park": kind = .parked(ticket: try string("ticket"), counter: try string("counter"))
        case "unpark": kind = .unparked(ticket: try string("ticket"), counter: try string("counter"))
        case "cancel": kind = .cancelled(ticket: try string("ticket"))
        case "reply":
            guard let answer = CitizenReply(rawValue: try string("answer")) else { throw DecodingError(message: "reply: bad answer") }
            kind = .replied(ticket: try string("ticket"), answer: answer)
        case "ack": kind = .acknowledged(ticket: try string("ticket"))
        case "escalate": kind = .escalated(ticket: try string("ticket"), counter: try string("counter"))
        case "reactivate": kind = .reactivated(ticket: try string("ticket"), audit: try string("audit"))
        case "pause": kind = .paused(counter: try string("counter"), until: line["until"]?.doubleValue.map(instant(secondsOfDay:)))
        case "resume": kind = .resumed(counter: try string("counter"))
        case "counter_close": kind = .counterClosed(counter: try string("counter"))
        case "counter_open": kind = .counterOpened(counter: try string("counter"))
        case "cover": kind = .coverStarted(counter: try string("counter"), covered: try string("covered"), audit: try string("audit"))
        case "uncover": kind = .coverEnded(counter: try string("counter"), covered: try string("covered"), audit: try string("audit"))
        case "service_close": kind = .serviceClosed(service: try string("service"), audit: try string("audit"))
        case "service_reopen": kind = .serviceReopened(service: try string("service"), audit: try string("audit"))
        case "rate":
            let score = try int("score")
            guard (1...5).contains(score) else { throw DecodingError(message: "rate: score must be 1–5") }
            kind = .rated(ticket: try string("ticket"), counter: try string("counter"), service: try string("service"), score: score, reason: line["reason"]?.stringValue)
        case "followup_close":
            guard let ratedOn = BusinessDate(try string("rated_on")) else { throw DecodingError(message: "followup_close: bad rated_on") }
            kind = .followUpClosed(ratedOn: ratedOn, ticket: try string("ticket"), note: try string("note"), audit: try string("audit"))
        case "config":
            guard let version = line["version"]?.intValue, version > 0 else { throw DecodingError(message: "config: missing positive integer \"version\"") }
            kind = .configChanged(version: Int64(version), audit: try string("audit"))
        case "advice":
            let id = try string("id")
            guard StaffingMove(id: id) != nil else { throw DecodingError(message: "advice: bad id \"\(id)\"") }
            kind = .adviceGiven(AdviceNote(
                id: id, longestBefore: try int("longest_before"), longestAfter: try int("longest_after"),
                pastTargetBefore: try int("past_target_before"), pastTargetAfter: try int("past_target_after")
            ))
        case "review_handoff":
            kind = .handedToReview(ticket: try string("ticket"), counter: try string("counter"), note: line["note"]?.stringValue)
        case "review_take": kind = .reviewTaken(ticket: try string("ticket"), reviewer: try string("reviewer"))
        case "review_approve": kind = .reviewApproved(ticket: try string("ticket"), reviewer: try string("reviewer"))
        case "review_return": kind = .reviewReturned(ticket: try string("ticket"), reviewer: try string("reviewer"), reason: try string("reason"))
        case "call_back": kind = .calledBack(ticket: try string("ticket"), counter: try string("counter"))
        case "appt_book":
            guard let date = BusinessDate(try string("date")), let time = ClockTime(try string("time")) else {
                throw DecodingError(message: "appt_book: bad date or time")
            }
            kind = .appointmentBooked(code: try string("code"), service: try string("service"), date: date, time: time, hasContact: flag("contact") ?? false)
        case "appt_cancel", "appt_release", "appt_checkin":
            guard let date = BusinessDate(try string("date")) else { throw DecodingError(message: "\(ev): bad date") }
            let code = try string("code")
            if ev == "appt_cancel" {
                kind = .appointmentCancelled(code: code, date: date)
            } else if ev == "appt_release" {
                kind = .appointmentReleased(code: code, date: date)
            } else {
                var slot: ClockTime?
                if let value = line["slot"] {
                    guard let text = value.stringValue, let time = ClockTime(text) else { throw DecodingError(message: "appt_checkin: bad slot") }
                    slot = time
                }
                kind = .appointmentCheckedIn(code: code, date: date, ticket: try string("ticket"), slot: slot)
            }
        default: return nil
        }
        return HallEvent(at: instant(secondsOfDay: t), kind)
    }
}
