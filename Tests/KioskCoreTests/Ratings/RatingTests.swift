import Foundation
import KioskCore
import KioskTestSupport
import Testing

@Suite struct RatingTests {
    /// Window 1 has finished A001 at 08:20.
    static func finished() throws -> TestHall {
        var hall = TestHall()
        try hall.run(.tick, at: "08:00")
        try hall.issue("A", at: "08:00")
        try hall.serveNext("1", at: "08:20")
        return hall
    }

    @Test func aRatingRatesTheWindowsLastFinishedTicketOnce() throws {
        var hall = try Self.finished()
        let events = try hall.run(.rate(counter: "1", score: 5, reason: "  "), at: "08:25")
        #expect(events.map(\.kind) == [.rated(ticket: "A001", counter: "1", service: "A", score: 5, reason: nil)])
        #expect(hall.ticket("A001")?.rating == 5)
        hall.expectRefusal(.rate(counter: "1", score: 1, reason: nil), at: "08:26", .alreadyRated("A001"))
        hall.expectConsistent()
    }

    @Test func tenMinutesAfterTheFinishItIsTooLate() throws {
        var hall = try Self.finished()
        hall.expectRefusal(.rate(counter: "1", score: 4, reason: nil), at: "08:30", plus: 1, .nothingToRate("1"))
        // Exactly ten minutes is still in time.
        try hall.run(.rate(counter: "1", score: 4, reason: nil), at: "08:30")
    }

    @Test func nothingFinishedNothingToRate() throws {
        var hall = TestHall()
        try hall.run(.tick, at: "08:00")
        try hall.issue("A", at: "08:00")
        try hall.callNext("1", at: "08:01")
        hall.expectRefusal(.rate(counter: "1", score: 3, reason: nil), at: "08:02", .nothingToRate("1"))
        hall.expectRefusal(.rate(counter: "2", score: 3, reason: nil), at: "08:02", .nothingToRate("2"))
        hall.expectRefusal(.rate(counter: "9", score: 3, reason: nil), at: "08:02", .unknownCounter("9"))
    }

    @Test func fromItsPageATicketIsRatedForTheWindowThatFinishedItUntilTheDayEnds() throws {
        var hall = try Self.finished()
        // Hours after the pad's ten minutes: the page's rating is still open, for window 1.
        let events = try hall.run(.rateTicket(ticket: "A001", score: 2, reason: " 等太久 "), at: "16:00")
        // (The afternoon session's opening comes first: the day went on since the finish.)
        #expect(events.last?.kind == .rated(ticket: "A001", counter: "1", service: "A", score: 2, reason: "等太久"))
        #expect(hall.ticket("A001")?.rating == 2)
        // One rating per ticket, whoever gives it: the page, then the pad, then the page again.
        hall.expectRefusal(.rate(counter: "1", score: 5, reason: nil), at: "16:01", .nothingToRate("1"))
        hall.expectRefusal(.rateTicket(ticket: "A001", score: 5, reason: nil), at: "16:01", .alreadyRated("A001"))
        hall.expectConsistent()
    }

    @Test func thePadsRatingClosesThePage() throws {
        var hall = try Self.finished()
        try hall.run(.rate(counter: "1", score: 4, reason: nil), at: "08:22")
        hall.expectRefusal(.rateTicket(ticket: "A001", score: 1, reason: nil), at: "08:23", .alreadyRated("A001"))
    }

    @Test func onlyAFinishedTicketOfTodayIsRatedFromItsPage() throws {
        var hall = try Self.finished()
        try hall.issue("A", at: "08:30")
        hall.expectRefusal(.rateTicket(ticket: "A002", score: 5, reason: nil), at: "08:31", .notFinished("A002"))
        try hall.callNext("1", at: "08:32")
        try hall.run(.noShow(counter: "1"), at: "08:32", plus: 30)
        hall.expectRefusal(.rateTicket(ticket: "A002", score: 5, reason: nil), at: "08:41", .notFinished("A002"))
        hall.expectRefusal(.rateTicket(ticket: "A404", score: 5, reason: nil), at: "08:41", .unknownTicket("A404"))
        hall.expectRefusal(.rateTicket(ticket: "A001", score: 9, reason: nil), at: "08:41", .invalidScore(9))
    }

    @Test(arguments: [0, 6, -1]) func scoresOutsideOneToFiveAreRefused(score: Int) throws {
        let hall = try Self.finished()
        hall.expectRefusal(.rate(counter: "1", score: score, reason: nil), at: "08:21", .invalidScore(score))
    }

    @Test func ratingAndFollowUpEventsRoundTripThroughTheTraceFormat() throws {
        let codec = TraceCodec(calendar: TestHall().engine.calendar, date: TestHall.monday)
        let at = TestHall().at("09:15", plus: 0.25)
        for kind: HallEvent.Kind in [
            .rated(ticket: "A001", counter: "1", service: "B", score: 2, reason: "态度, \"差\""),
            .rated(ticket: "A002", counter: "3", service: "A", score: 5, reason: nil),
            .followUpClosed(ratedOn: BusinessDate(year: 2026, month: 2, day: 27), ticket: "C004", note: "已电话回访", audit: "supervisor"),
        ] {
            let event = HallEvent(at: at, kind)
            let line = codec.encode(event).serialized()
            #expect(try codec.decode(JSONParser.parse(line).value) == event, "\(line)")
        }
        #expect(throws: TraceCodec.DecodingError.self) {
            try codec.decode(JSONParser.parse(#"{"t":1,"ev":"rate","ticket":"A001","counter":"1","service":"A","score":9}"#).value)
        }
    }

    @Test func workingDaysSkipWeekendsAndHolidays() {
        let friday = BusinessDate(year: 2026, month: 3, day: 6)
        #expect(friday.isoWeekday == 5)
        #expect(BusinessDate(year: 2026, month: 3, day: 8).isoWeekday == 7)
        #expect(BusinessDate(dayNumber: TestHall.monday.dayNumber) == TestHall.monday)
        let days = WorkingDays(holidays: [BusinessDate(year: 2026, month: 3, day: 9)])
        // Friday + 1 working day: Monday the 9th is a holiday, so Tuesday the 10th.
        #expect(days.adding(1, after: friday) == BusinessDate(year: 2026, month: 3, day: 10))
        #expect(WorkingDays(holidays: []).adding(15, after: TestHall.monday) == BusinessDate(year: 2026, month: 3, day: 23))
        // National Day week 2026: 1–7 October off; 15 working days after 30 September.
        let golden = (1...7).map { BusinessDate(year: 2026, month: 10, day: $0) }
        #expect(WorkingDays(holidays: golden).adding(15, after: BusinessDate(year: 2026, month: 9, day: 30)) == BusinessDate(year: 2026, month: 10, day: 28))
    }

    @Test func theFollowUpBookOpensBadRatingsAndClosesThemLater() {
        var book = FollowUpBook(holidays: [])
        let calendar = TestHall().engine.calendar
        let monday = TestHall.monday
        let at = calendar.instant(on: monday, at: ClockTime("09:00")!)
        book.fold(HallEvent(at: at, .rated(ticket: "A001", counter: "1", service: "A", score: 1, reason: "慢")), on: monday)
        book.fold(HallEvent(at: at, .rated(ticket: "A002", counter: "1", service: "A", score: 3, reason: nil)), on: monday)
        #expect(book.open.map(\.id) == ["20260302-A001"])
        #expect(book.followUp("20260302-A001")?.isOverdue(on: BusinessDate(year: 2026, month: 3, day: 24)) == true)
        let later = calendar.instant(on: BusinessDate(year: 2026, month: 3, day: 5), at: ClockTime("10:00")!)
        book.fold(HallEvent(at: later, .followUpClosed(ratedOn: monday, ticket: "A001", note: "已回访", audit: "supervisor")), on: BusinessDate(year: 2026, month: 3, day: 5))
        #expect(book.open.isEmpty)
        #expect(book.followUp("20260302-A001")?.note == "已回访")
        #expect(FollowUp.parseID("20260302-a001")?.ticket == "A001")
        #expect(FollowUp.parseID("2026-03-02-A001") == nil)
        #expect(FollowUp.parseID("20260231-A001") == nil)
    }

    @Test func configReadsTargetsAndHolidays() throws {
        var json = HallConfig.defaultHall.jsonValue
        guard case var .object(members) = json else { Issue.record("not an object"); return }
        members.removeAll { $0.key == "targets" }
        members.append(("targets", ["wait_min": 15, "services": ["A": 10]]))
        members.append(("holidays", ["2026-10-01", "2026-10-02"]))
        json = .object(members)
        let config = try HallConfig.load(json: json.serialized())
        #expect(config.targets.minutes(for: "A") == 10)
        #expect(config.targets.minutes(for: "B") == 15)
        #expect(config.holidays == [BusinessDate(year: 2026, month: 10, day: 1), BusinessDate(year: 2026, month: 10, day: 2)])
        // And back: the config's JSON keeps them (a trace's meta carries the targets).
        let again = try HallConfig.load(json: config.jsonValue.serialized())
        #expect(again == config)

        members.removeAll { $0.key == "targets" || $0.key == "holidays" }
        members.append(("targets", ["wait_min": 0, "services": ["Z": 10], "typo": 1]))
        members.append(("holidays", ["2026-13-01"]))
        do {
            _ = try HallConfig.load(json: JSONValue.object(members).serialized())
            Issue.record("a bad targets section was accepted")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains { $0.contains("targets.wait_min") })
            #expect(messages.contains { $0.contains("unknown service \"Z\"") })
            #expect(messages.contains { $0.contains("unknown key \"typo\"") })
            #expect(messages.contains { $0.contains("holidays[0]") })
        }
    }
}
