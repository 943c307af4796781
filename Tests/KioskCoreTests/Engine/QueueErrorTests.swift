import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Every `QueueError` case, each provoked by a real command on a real hall, with its stable
/// `code`; the refusal must change nothing.
@Suite struct QueueErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var code: String
        var setUp: @Sendable (inout TestHall) throws -> Void
        var command: @Sendable (TestHall) -> Command
        var clock: String
        var expected: QueueError
        /// The hall's config (the test hall's unless the refusal needs more, e.g. a reviewer).
        var config: HallConfig

        var testDescription: String { code }

        init(
            _ code: String, at clock: String = "09:30", config: HallConfig = TestHall.config,
            setUp: @escaping @Sendable (inout TestHall) throws -> Void = { _ in },
            _ command: @escaping @Sendable (TestHall) -> Command, _ expected: QueueError
        ) {
            self.config = config
            self.code = code
            self.setUp = setUp
            self.command = command
            self.clock = clock
            self.expected = expected
        }
    }

    /// The test hall, A taking one appointment a slot (nothing else changes for the other cases).
    static var config: HallConfig {
        var config = TestHall.config
        config.services[0].appointmentsPerSlot = 1
        return config
    }

    static func book(_ time: String, code: String = "100000", on date: BusinessDate = TestHall.monday, service: ServiceCode = "A") -> Command {
        .bookAppointment(service: service, date: date, time: ClockTime(time)!, code: code)
    }

    static let monday = TestHall.monday

    static let appointmentCases: [Case] = [
        Case("no_appointments", config: Self.config, { _ in book("10:30", service: "B") }, .noAppointments("B")),
        Case("booking_out_of_range", config: Self.config, { _ in book("10:30", on: monday.adding(days: 8)) },
             .bookingOutOfRange(date: monday.adding(days: 8), first: monday, last: monday.adding(days: 7))),
        Case("hall_closed_on_date", config: Self.config, { _ in book("10:30", on: monday.adding(days: 5)) }, .hallClosedOn(monday.adding(days: 5))),
        Case("not_a_slot", config: Self.config, { _ in book("10:15") }, .notASlot(service: "A", time: ClockTime("10:15")!, slotMinutes: 30)),
        Case("too_late_to_book", config: Self.config, { _ in book("09:30") }, .tooLateToBook(time: ClockTime("09:30")!, leadMinutes: 30)),
        Case("slot_full", config: Self.config, setUp: { try $0.run(book("10:30"), at: "09:00") }, { _ in book("10:30", code: "100001") },
             .slotFull(service: "A", date: monday, time: ClockTime("10:30")!, nearest: ["10:00", "11:00", "11:30"].map { ClockTime($0)! })),
        Case("appointment_code_taken", config: Self.config, setUp: { try $0.run(book("10:30"), at: "09:00") }, { _ in book("11:00") }, .appointmentCodeTaken),
        Case("unknown_appointment", config: Self.config, { _ in .checkIn(code: "999999") }, .unknownAppointment("999999")),
        Case("appointment_not_booked", config: Self.config, setUp: { h in try h.run(book("10:30"), at: "09:00"); try h.run(.cancelAppointment(code: "100000"), at: "09:01") },
             { _ in .cancelAppointment(code: "100000") }, .appointmentNotBooked(code: "100000", state: "cancelled")),
        Case("appointment_not_today", config: Self.config, setUp: { try $0.run(book("10:30", on: monday.adding(days: 1)), at: "09:00") },
             { _ in .checkIn(code: "100000") }, .appointmentNotToday(code: "100000", date: monday.adding(days: 1), time: ClockTime("10:30")!)),
        Case("already_checked_in", config: Self.config, setUp: { h in try h.run(book("09:30"), at: "08:00"); try h.run(.checkIn(code: "100000"), at: "09:10") },
             { _ in .checkIn(code: "100000") }, .alreadyCheckedIn(code: "100000", ticket: "A001")),
        Case("too_early", config: Self.config, setUp: { try $0.run(book("11:00"), at: "09:00") }, { _ in .checkIn(code: "100000") },
             .tooEarlyToCheckIn(code: "100000", from: ClockTime("10:30")!)),
    ]

    static let cases: [Case] = appointmentCases + [
        Case("unknown_service", { _ in .issue(service: "Z", priority: false) }, .unknownService("Z")),
        Case("unknown_counter", { _ in .callNext(counter: "9") }, .unknownCounter("9")),
        Case("unknown_ticket", { _ in .cancel(ticket: "A042") }, .unknownTicket("A042")),
        Case("service_closed", setUp: { try $0.run(.closeService(service: "A", by: "王主任"), at: "09:00") },
             { _ in .issue(service: "A", priority: false) }, .serviceClosed("A")),
        Case("quota_reached", setUp: { h in for _ in 0..<3 { try h.issue("C", at: "09:00") } },
             { _ in .issue(service: "C", priority: false) }, .quotaReached(service: "C", quota: 3)),
        Case("outside_hours", at: "12:30", { _ in .issue(service: "A", priority: false) },
             .outsideHours(service: "A", opensAt: ClockTime("14:00"))),
        Case("numbers_exhausted", setUp: { h in for _ in 0..<999 { try h.issue("A", override: "王主任", at: "09:00") } },
             { _ in .issue(service: "A", priority: false) }, .numbersExhausted(service: "A", last: 999)),
        Case("counter_paused", setUp: { h in try h.issue("A", at: "09:00"); try h.run(.pause(counter: "1"), at: "09:00") },
             { _ in .callNext(counter: "1") }, .counterPaused("1")),
        Case("counter_closed", setUp: { h in try h.issue("A", at: "09:00"); try h.run(.closeCounter(counter: "1"), at: "09:00") },
             { _ in .callNext(counter: "1") }, .counterClosed("1")),
        Case("counter_busy", at: "09:00", setUp: { h in try h.issue("A", at: "09:00"); try h.issue("A", at: "09:00"); try h.callNext("1", at: "09:00") },
             { _ in .callNext(counter: "1") }, .counterBusy(counter: "1", ticket: "A001")),
        Case("counter_idle", { _ in .start(counter: "1") }, .counterIdle("1")),
        Case("no_ticket_waiting", setUp: { h in try h.issue("C", at: "09:00") },
             { _ in .callNext(counter: "1") }, .noTicketWaiting("1")),
        Case("counter_does_not_serve", setUp: { h in try h.issue("A", at: "09:00") },
             { _ in .callTicket(counter: "3", ticket: "A001", by: "王主任") }, .counterDoesNotServe(counter: "3", service: "A")),
        Case("invalid_transition", setUp: { h in try h.issue("A", at: "09:00"); try h.callNext("1", at: "09:29") },
             { _ in .finish(counter: "1") }, .invalidTransition(ticket: "A001", state: "called", action: "finish")),
        Case("recall_limit_reached", setUp: { h in
            try h.issue("A", at: "09:00"); try h.callNext("1", at: "09:29")
            try h.run(.recall(counter: "1"), at: "09:29", plus: 10); try h.run(.recall(counter: "1"), at: "09:29", plus: 20)
        }, { _ in .recall(counter: "1") }, .recallLimitReached(ticket: "A001", maxRecalls: 2)),
        Case("same_service", setUp: { h in try h.issue("A", at: "09:00"); try h.callNext("1", at: "09:29") },
             { _ in .transfer(counter: "1", to: "A") }, .sameService(ticket: "A001", service: "A")),
        Case("not_parked_here", setUp: { h in try h.issue("A", at: "09:00"); try h.callNext("1", at: "09:01"); try h.run(.park(counter: "1"), at: "09:02") },
             { _ in .unpark(counter: "2", ticket: "A001") }, .notParkedHere(ticket: "A001", counter: "2")),
        Case("reactivation_window_passed", at: "10:00",
             setUp: { h in try h.issue("A", at: "09:00"); try h.callNext("1", at: "09:01"); try h.run(.noShow(counter: "1"), at: "09:02") },
             { _ in .reactivate(ticket: "A001", by: "王主任") }, .reactivationWindowPassed(ticket: "A001", minutes: 30)),
        Case("counter_not_paused", { _ in .resume(counter: "2") }, .counterNotPaused("2")),
        Case("counter_not_closed", setUp: { try $0.run(.pause(counter: "2"), at: "09:00") },
             { _ in .openCounter(counter: "2") }, .counterNotClosed("2")),
        Case("counter_already_open", { _ in .openCounter(counter: "2") }, .counterAlreadyOpen("2")),
        Case("cannot_cover_itself", { _ in .cover(counter: "2", covered: "2", by: "王主任") }, .cannotCoverItself("2")),
        Case("already_covering", setUp: { try $0.run(.cover(counter: "2", covered: "3", by: "王主任"), at: "09:00") },
             { _ in .cover(counter: "2", covered: "3", by: "王主任") }, .alreadyCovering(counter: "2", covered: "3")),
        Case("not_covering", { _ in .uncover(counter: "2", by: "王主任") }, .notCovering(counter: "2", covered: nil)),
        Case("service_not_closed", { _ in .reopenService(service: "B", by: "王主任") }, .serviceNotClosed("B")),
        Case("return_time_in_past", { h in .pause(counter: "2", until: h.at("09:00")) }, .returnTimeInPast(counter: "2")),
        Case("nothing_to_rate", { _ in .rate(counter: "1", score: 5, reason: nil) }, .nothingToRate("1")),
        Case("already_rated", setUp: { h in
            try h.issue("A", at: "09:00")
            try h.serveNext("1", at: "09:20")
            try h.run(.rate(counter: "1", score: 4, reason: nil), at: "09:25")
        }, { _ in .rate(counter: "1", score: 5, reason: nil) }, .alreadyRated("A001")),
        Case("invalid_score", { _ in .rate(counter: "1", score: 0, reason: nil) }, .invalidScore(0)),
        Case("not_finished", setUp: { h in
            try h.issue("A", at: "09:00")
            try h.run(.callNext(counter: "1"), at: "09:05")
        }, { _ in .rateTicket(ticket: "A001", score: 5, reason: nil) }, .notFinished("A001")),
        Case("service_has_tickets", setUp: { h in try h.issue("B", at: "09:00") },
             { _ in
                 var config = TestHall.config
                 config.services.removeAll { $0.code == "B" }
                 for i in config.counters.indices { config.counters[i].services.removeAll { $0 == "B" } }
                 return .changeConfig(config, version: 2, by: "admin")
             }, .configChangeRefused(.serviceHasTickets(service: "B", count: 1))),
        Case("window_has_tickets", at: "09:03", setUp: { h in try h.issue("C", at: "09:00"); try h.serveNext("3", at: "09:01"); try h.issue("C", at: "09:02"); try h.callNext("3", at: "09:03") },
             { _ in
                 var config = TestHall.config
                 config.counters.removeAll { $0.id == "3" }
                 config.counters[0].services.append("C")
                 return .changeConfig(config, version: 2, by: "admin")
             }, .configChangeRefused(.windowHasTickets(window: "3", tickets: ["C002"]))),
        Case("restart_required", { _ in
            var config = TestHall.config
            config.timeZoneID = "Asia/Tokyo"
            return .changeConfig(config, version: 2, by: "admin")
        }, .configChangeRefused(.restartRequired(keys: ["hall.time_zone"]))),
        Case("no_reviewer", setUp: { h in try h.issue("A", at: "09:00"); try h.callNext("1", at: "09:01"); try h.run(.start(counter: "1"), at: "09:02") },
             { _ in .handToReview(counter: "1", note: nil) }, .noReviewer("A")),
        Case("not_a_reviewer", { _ in .takeReview(reviewer: "1") }, .notAReviewer("1")),
        Case("no_case_to_review", config: ReviewTests.config, { _ in .takeReview(reviewer: "9") }, .noCaseToReview("9")),
        Case("nothing_in_review", config: ReviewTests.config, { _ in .approveReview(reviewer: "9") }, .nothingInReview("9")),
        Case("reviewer_busy", config: ReviewTests.config, setUp: { h in
            for _ in 0..<2 { try h.issue("A", at: "09:00") }
            for _ in 0..<2 {
                try h.callNext("1", at: "09:01"); try h.run(.start(counter: "1"), at: "09:02"); try h.run(.handToReview(counter: "1", note: nil), at: "09:03")
            }
            try h.run(.takeReview(reviewer: "9"), at: "09:04")
        }, { _ in .takeReview(reviewer: "9") }, .reviewerBusy(counter: "9", ticket: "A001")),
    ]

    @Test(arguments: cases)
    func refusedCommandThrowsItsErrorAndChangesNothing(_ c: Case) throws {
        var hall = TestHall(config: c.config)
        try c.setUp(&hall)
        let error = hall.expectRefusal(c.command(hall), at: c.clock, c.expected)
        #expect(error?.code == c.code)
        #expect(Self.code(of: c.expected) == c.code)
        #expect(error?.message.isEmpty == false)
    }

    @Test func everyCaseIsCoveredOnce() {
        #expect(Set(Self.cases.map(\.code)).count == Self.cases.count)
        #expect(Self.cases.count == 50)
    }

    /// Exhaustive on purpose: a new `QueueError` case does not compile here until it gets a
    /// code and a row in `cases`.
    static func code(of error: QueueError) -> String {
        switch error {
        case .unknownService: "unknown_service"
        case .unknownCounter: "unknown_counter"
        case .unknownTicket: "unknown_ticket"
        case .serviceClosed: "service_closed"
        case .quotaReached: "quota_reached"
        case .outsideHours: "outside_hours"
        case .numbersExhausted: "numbers_exhausted"
        case .counterPaused: "counter_paused"
        case .counterClosed: "counter_closed"
        case .counterBusy: "counter_busy"
        case .counterIdle: "counter_idle"
        case .noTicketWaiting: "no_ticket_waiting"
        case .counterDoesNotServe: "counter_does_not_serve"
        case .invalidTransition: "invalid_transition"
        case .recallLimitReached: "recall_limit_reached"
        case .sameService: "same_service"
        case .notParkedHere: "not_parked_here"
        case .reactivationWindowPassed: "reactivation_window_passed"
        case .counterNotPaused: "counter_not_paused"
        case .counterNotClosed: "counter_not_closed"
        case .counterAlreadyOpen: "counter_already_open"
        case .cannotCoverItself: "cannot_cover_itself"
        case .alreadyCovering: "already_covering"
        case .notCovering: "not_covering"
        case .serviceNotClosed: "service_not_closed"
        case .returnTimeInPast: "return_time_in_past"
        case .nothingToRate: "nothing_to_rate"
        case .alreadyRated: "already_rated"
        case .notFinished: "not_finished"
        case .invalidScore: "invalid_score"
        case .noAppointments: "no_appointments"
        case .bookingOutOfRange: "booking_out_of_range"
        case .hallClosedOn: "hall_closed_on_date"
        case .notASlot: "not_a_slot"
        case .tooLateToBook: "too_late_to_book"
        case .slotFull: "slot_full"
        case .appointmentCodeTaken: "appointment_code_taken"
        case .unknownAppointment: "unknown_appointment"
        case .appointmentNotBooked: "appointment_not_booked"
        case .appointmentNotToday: "appointment_not_today"
        case .alreadyCheckedIn: "already_checked_in"
        case .tooEarlyToCheckIn: "too_early"
        case let .configChangeRefused(refusal):
            switch refusal {
            case .serviceHasTickets: "service_has_tickets"
            case .windowHasTickets: "window_has_tickets"
            case .restartRequired: "restart_required"
            }
        case .noReviewer: "no_reviewer"
        case .notAReviewer: "not_a_reviewer"
        case .noCaseToReview: "no_case_to_review"
        case .nothingInReview: "nothing_in_review"
        case .reviewerBusy: "reviewer_busy"
        }
    }
}
