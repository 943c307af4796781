import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Events as trace-format v1 lines (the wait-eval README) and back.
@Suite struct TraceCodecTests {
    static let engine = QueueEngine(config: TestHall.config)
    static let codec = TraceCodec(calendar: engine.calendar, date: TestHall.monday)

    static func at(_ seconds: Double) -> Date {
        engine.calendar.instant(on: TestHall.monday, secondsOfDay: seconds)
    }

    /// One of every kind, with the optional fields both set and unset.
    static let samples: [HallEvent.Kind] = [
        .dayStarted(TestHall.monday),
        .sessionOpened(0),
        .sessionClosed(1),
        .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: nil),
        .issued(ticket: "C007", service: "C", priority: true, contact: true, audit: "王主任"),
        .called(ticket: "A001", counter: "1", audit: nil),
        .called(ticket: "A002", counter: "2", audit: "王主任"),
        .recalled(ticket: "A001", counter: "1", n: 2),
        .noShow(ticket: "A001", counter: "1", automatic: true),
        .noShow(ticket: "A001", counter: "1", automatic: false),
        .started(ticket: "B003", counter: "2"),
        .finished(ticket: "B003", counter: "2"),
        .transferred(ticket: "A004", counter: "1", from: "A", to: "C"),
        .parked(ticket: "A005", counter: "1"),
        .unparked(ticket: "A005", counter: "1"),
        .cancelled(ticket: "B009"),
        .reactivated(ticket: "A001", audit: "王主任"),
        .paused(counter: "3", until: nil),
        .paused(counter: "3", until: at(34_200.5)),
        .resumed(counter: "3"),
        .counterClosed(counter: "2"),
        .counterOpened(counter: "2"),
        .coverStarted(counter: "3", covered: "1", audit: "王主任"),
        .coverEnded(counter: "3", covered: "1", audit: "王主任"),
        .serviceClosed(service: "B", audit: "王主任"),
        .serviceReopened(service: "B", audit: "李科长"),
        .rated(ticket: "A001", counter: "1", service: "B", score: 2, reason: "等候时间长"),
        .followUpClosed(ratedOn: BusinessDate(year: 2026, month: 2, day: 27), ticket: "A001", note: "已回访", audit: "supervisor"),
        .replied(ticket: "A002", answer: .other),
        .acknowledged(ticket: "A002"),
        .escalated(ticket: "A002", counter: "1"),
        .configChanged(version: 3, audit: "admin"),
        .handedToReview(ticket: "A006", counter: "1", note: "退休金核定,材料齐"),
        .handedToReview(ticket: "A007", counter: "1", note: nil),
        .reviewTaken(ticket: "A006", reviewer: "9"),
        .reviewApproved(ticket: "A006", reviewer: "9"),
        .reviewReturned(ticket: "A007", reviewer: "9", reason: "缺身份证复印件"),
        .calledBack(ticket: "A006", counter: "1"),
        .appointmentBooked(code: "012345", service: "C", date: BusinessDate(year: 2026, month: 3, day: 5), time: ClockTime("09:30")!),
        .appointmentBooked(code: "012346", service: "C", date: BusinessDate(year: 2026, month: 3, day: 5), time: ClockTime("09:30")!, hasContact: true),
        .appointmentCancelled(code: "012345", date: BusinessDate(year: 2026, month: 3, day: 5)),
        .appointmentCheckedIn(code: "012346", date: BusinessDate(year: 2026, month: 3, day: 2), ticket: "C004", slot: ClockTime("10:00")!),
        .appointmentReleased(code: "012347", date: BusinessDate(year: 2026, month: 3, day: 2)),
        .adviceGiven(AdviceNote(id: "cover:2:5", longestBefore: 38, longestAfter: 15, pastTargetBefore: 6, pastTargetAfter: 2)),
    ]

    /// Exhaustive: a new event kind does not compile until it is given a sample here.
    static func name(_ kind: HallEvent.Kind) -> String {
        switch kind {
        case .dayStarted: "dayStarted"
        case .sessionOpened: "sessionOpened"
        case .sessionClosed: "sessionClosed"
        case .issued: "issued"
        case .called: "called"
        case .recalled: "recalled"
        case .noShow: "noShow"
        case .started: "started"
        case .finished: "finished"
        case .transferred: "transferred"
        case .parked: "parked"
        case .unparked: "unparked"
        case .cancelled: "cancelled"
        case .replied: "replied"
        case .acknowledged: "acknowledged"
        case .escalated: "escalated"
        case .reactivated: "reactivated"
        case .paused: "paused"
        case .resumed: "resumed"
        case .counterClosed: "counterClosed"
        case .counterOpened: "counterOpened"
        case .coverStarted: "coverStarted"
        case .coverEnded: "coverEnded"
        case .serviceClosed: "serviceClosed"
        case .serviceReopened: "serviceReopened"
        case .rated: "rated"
        case .followUpClosed: "followUpClosed"
        case .configChanged: "configChanged"
        case .handedToReview: "handedToReview"
        case .reviewTaken: "reviewTaken"
        case .reviewApproved: "reviewApproved"
        case .reviewReturned: "reviewReturned"
        case .calledBack: "calledBack"
        case .appointmentBooked: "appointmentBooked"
        case .appointmentCancelled: "appointmentCancelled"
        case .appointmentCheckedIn: "appointmentCheckedIn"
        case .appointmentReleased: "appointmentReleased"
        case .adviceGiven: "adviceGiven"
        }
    }

    @Test func samplesCoverEveryKind() {
        #expect(Set(Self.samples.map(Self.name)).count == 38)
    }

    @Test(arguments: samples)
    func everyKindSurvivesATextRoundTrip(_ kind: HallEvent.Kind) throws {
        let event = HallEvent(at: Self.at(32_400.123), kind)
        let line = Self.codec.encode(event).serialized()
        #expect(!line.contains("\n"))
        let decoded = try Self.codec.decode(JSONParser.parse(line).value)
        #expect(decoded == event, "\(line)")
    }

    @Test func issueLineUsesTheTraceFormatKeys() {
        let event = HallEvent(at: Self.at(30_654.8), .issued(ticket: "E001", service: "E", priority: true, contact: false, audit: nil))
        #expect(Self.codec.encode(event).serialized() == #"{"t":30654.8,"ev":"issue","ticket":"E001","service":"E","priority":1}"#)
    }

    @Test func aContactIsOnlyAFlagNeverANumber() {
        let event = HallEvent(at: Self.at(30_000), .issued(ticket: "A001", service: "A", priority: false, contact: true, audit: nil))
        #expect(Self.codec.encode(event).serialized() == #"{"t":30000,"ev":"issue","ticket":"A001","service":"A","priority":0,"contact":true}"#)
    }

    @Test func timesAreSecondsSinceLocalMidnightToTheMillisecond() {
        #expect(Self.codec.secondsOfDay(Self.engine.calendar.midnight(of: TestHall.monday)) == 0)
        #expect(Self.codec.secondsOfDay(Self.at(30_600)) == 30_600)
        #expect(Self.codec.instant(secondsOfDay: 30_600.25) == Self.at(30_600.25))
        // 08:30 in Shanghai is 00:30 UTC.
        #expect(Self.codec.instant(secondsOfDay: 30_600) == Date(timeIntervalSince1970: 1_772_411_400))
    }

    @Test(arguments: [
        (line: #"{"t":30654.8,"ev":"issue","ticket":"E001","service":"E","priority":0}"#,
         kind: HallEvent.Kind.issued(ticket: "E001", service: "E", priority: false, contact: false, audit: nil), t: 30_654.8),
        (line: #"{"t":30795.7,"ev":"call","ticket":"G001","counter":"4"}"#,
         kind: .called(ticket: "G001", counter: "4", audit: nil), t: 30_795.7),
        (line: #"{"t":31000.0,"ev":"recall","ticket":"G001","counter":"4","n":2}"#,
         kind: .recalled(ticket: "G001", counter: "4", n: 2), t: 31_000),
        (line: #"{"t":31060.0,"ev":"noshow","ticket":"G001","counter":"4"}"#,
         kind: .noShow(ticket: "G001", counter: "4", automatic: true), t: 31_060),
        (line: #"{"t":30600.0,"ev":"open","session":0}"#, kind: .sessionOpened(0), t: 30_600),
        (line: #"{"t":40000.1,"ev":"pause","counter":"2"}"#, kind: .paused(counter: "2", until: nil), t: 40_000.1),
        (line: #"{"t":41000,"ev":"resume","counter":"2"}"#, kind: .resumed(counter: "2"), t: 41_000),
    ])
    func simulatorLinesDecode(line: String, kind: HallEvent.Kind, t: Double) throws {
        let event = try #require(try Self.codec.decode(JSONParser.parse(line).value))
        #expect(event.kind == kind)
        #expect(event.at == Self.codec.instant(secondsOfDay: t))
    }

    @Test(arguments: [#"{"ev":"meta","version":1}"#, #"{"t":50000,"ev":"end"}"#, #"{"t":50000,"ev":"sms_sent","ticket":"A001"}"#])
    func linesThatAreNotHallEventsAreSkipped(line: String) throws {
        #expect(try Self.codec.decode(JSONParser.parse(line).value) == nil)
    }

    @Test(arguments: [
        (line: #"{"t":1,"ev":"call","ticket":"A001"}"#, message: #"call: missing string "counter""#),
        (line: #"{"ev":"call","ticket":"A001","counter":"1"}"#, message: #"call: missing numeric "t""#),
        (line: #"{"t":1,"ticket":"A001"}"#, message: #"missing "ev""#),
        (line: #"{"t":1,"ev":"recall","ticket":"A001","counter":"1","n":1.5}"#, message: #"recall: missing integer "n""#),
        (line: #"{"t":1,"ev":"day","date":"2026-02-30"}"#, message: "day: bad date"),
    ])
    func malformedKnownLinesAreErrors(line: String, message: String) throws {
        let node = try JSONParser.parse(line)
        do {
            let event = try Self.codec.decode(node.value)
            Issue.record("decoded \(String(describing: event))")
        } catch {
            #expect(error.message == message)
        }
    }
}
