import Foundation
import KioskCore
import Testing
@testable import KioskAPI

/// The bytes on the wire: field names, `null` against absent, flat objects, whole numbers.
/// These are what the published contract and the existing clients expect.
@Suite struct WireFormatTests {
    func object(_ value: some Encodable) throws -> JSONValue {
        try JSONParser.parse(APICoding.string(value)).value
    }

    @Test func aWindowWithoutATicketSaysNullAndLeavesOutWhatItHasNot() throws {
        let json = try object(APISamples.closedWindow)
        #expect(json["current"] == .null, "current is required: null, not absent")
        #expect(json["sms"] == nil && json["back_at"] == nil)
        #expect(try object(APISamples.pausedWindow)["back_at"] == "10:30")
        let serving = try object(APISamples.servingWindow)
        #expect(serving["current"]?["ticket"] == "D002")
        #expect(serving["current"]?["counter_name"] == "3号窗口")
        #expect(serving["sms"] == "delivered")
    }

    @Test func aHallBeforeItsFirstDayHasANullDate() throws {
        var hall = APISamples.hall
        hall.hall.date = nil
        let json = try object(hall)
        #expect(json["hall"]?["date"] == .null)
        #expect(json["hall"]?["name_en"] == "Liancheng Hall")
        #expect(json["calls"]?.arrayValue?.first?["counter_name"] == "1号窗口")
    }

    @Test func anIssuedTicketIsOneFlatObjectWithMaskedPhones() throws {
        let json = try object(APISamples.issued)
        #expect(json["ticket"] == "C003", "the ticket's fields sit beside documents, not nested")
        #expect(json["service_name"] == "失业登记")
        #expect(json["documents"] == ["身份证", "户口簿"])
        #expect(json["status_url"] == "/v1/tickets/C003")
        #expect(json["sms_to"] == "138****8000" && json["sms_caretaker"] == "139****9000")
        #expect(!(try APICoding.string(APISamples.issued)).contains("13800138000"))
        let bare = try object(IssuedTicketAnswer(ticket: APISamples.doneTicket))
        for absent in ["sms_to", "sms_caretaker", "people_ahead", "estimate_min", "explanation", "counter", "calls"] {
            #expect(bare[absent] == nil, "\(absent) is left out, not null")
        }
    }

    @Test func wholeMinutesAreWrittenAsIntegers() throws {
        let text = try APICoding.string(APISamples.waitingTicket)
        #expect(text.contains(#""estimate_min":9,"#) && text.contains(#""estimate_low_min":5,"#))
        #expect(try APICoding.string(APISamples.stats).contains(#""mae_min":3.42"#))
    }

    @Test func anEventLineIsItsTraceLineWithSeqAndDate() throws {
        let calendar = HallCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let date = BusinessDate("2026-03-02")!
        let codec = TraceCodec(calendar: calendar, date: date)
        let event = HallEvent(at: codec.instant(secondsOfDay: 34_325), .called(ticket: "A023", counter: "1", audit: nil))
        let line = EventLine(trace: codec.encode(event), date: date.description, seq: 17)
        #expect(line.seq == 17 && line.date == "2026-03-02" && line.kind == "call" && line.secondsOfDay == 34_325)
        let decoded = try APICoding.decode(EventLine.self, from: APICoding.encode(line))
        #expect(decoded.seq == 17)
        #expect(try codec.decode(decoded.json) == event, "a client reads the event back with the trace codec")
    }

    @Test func aDayLineKeepsItsOwnDate() throws {
        let line = EventLine(trace: ["t": 0, "ev": "day", "date": "2026-03-02"], date: "2026-03-02", seq: 1)
        guard case let .object(members) = line.json else { Issue.record("not an object"); return }
        #expect(members.filter { $0.key == "date" }.count == 1)
    }

    @Test func requestBodiesCarryOnlyTheirFields() throws {
        #expect(IssueTicketRequest.fields == ["service", "priority", "phone", "caretaker_phone", "override"])
        #expect(TransferRequest.fields == ["service"] && TicketChoiceRequest.fields == ["ticket"])
        #expect(PauseRequest.fields == ["until"] && CoverRequest.fields == ["covered"] && EmptyRequest.fields.isEmpty)
        #expect(try APICoding.string(CommandBody.none) == "{}")
        #expect(try APICoding.string(CommandBody.pause(PauseRequest())) == "{}")
        #expect(try APICoding.string(CommandBody.cover(CoverRequest(covered: nil))) == "{}")
        #expect(try APICoding.string(CommandBody.issue(IssueTicketRequest(service: "C", caretakerPhone: "13900139000"))) == #"{"caretaker_phone":"13900139000","service":"C"}"#)
    }
}
