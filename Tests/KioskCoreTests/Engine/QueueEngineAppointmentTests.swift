import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Appointments (预约) step by step: booking, check-in early / on time / late, the release of a
/// no-show, and the call rule's precedence (due appointments first, not counted in the
/// interleave; early ones only when nobody else waits; by slot, then check-in).
@Suite struct QueueEngineAppointmentTests {
    /// The test hall with A taking 2 appointments a slot, one priority after every 2 normal
    /// calls, recalls by hand only.
    static func hall(perSlot: Int = 2) -> TestHall {
        var config = TestHall.config
        config.services[0].appointmentsPerSlot = perSlot
        config.priority = PriorityRule(everyNNormal: 2, scope: .hall)
        config.recall.automatic = false
        return TestHall(config: config)
    }

    static func book(_ hall: inout TestHall, code: String, time: String, date: BusinessDate = TestHall.monday, service: ServiceCode = "A", at clock: String = "08:00") throws {
        try hall.run(.bookAppointment(service: service, date: date, time: ClockTime(time)!, code: code), at: clock)
    }

    /// Checks in and returns the ticket issued.
    static func checkIn(_ hall: inout TestHall, _ code: String, at clock: String) throws -> TicketNumber {
        try hall.run(.checkIn(code: code), at: clock).compactMap(\.issuedTicket).last!
    }

    /// The README's example, call by call.
    @Test func theReadmesWorkedExample() throws {
        var hall = Self.hall()
        try Self.book(&hall, code: "123456", time: "09:30")
        let appointment = try Self.checkIn(&hall, "123456", at: "09:05")
        #expect(appointment == "A001")
        #expect(hall.ticket("A001")?.appointmentSlot == hall.at("09:30"))
        #expect(try hall.issue("A", at: "09:10") == "A002")
        #expect(try hall.issue("A", priority: true, at: "09:11") == "A003")
        #expect(try hall.issue("A", at: "09:12") == "A004")
        #expect(try hall.issue("A", at: "09:13") == "A005")
        var order: [TicketNumber] = []
        for clock in ["09:20", "09:25", "09:30", "09:35", "09:40"] { order.append(try hall.serveNext("1", at: clock)) }
        #expect(order == ["A002", "A004", "A001", "A003", "A005"])
        hall.expectConsistent()
    }

    @Test func anEarlyAppointmentWaitsForItsSlotWhileWalkInsWait() throws {
        var hall = Self.hall()
        try Self.book(&hall, code: "111111", time: "10:00")
        _ = try Self.checkIn(&hall, "111111", at: "09:31")
        let walkIn = try hall.issue("A", at: "09:40")
        #expect(try hall.serveNext("1", at: "09:45") == walkIn)
        // Nobody else waits: the early appointment need not wait for 10:00.
        #expect(try hall.serveNext("1", at: "09:50") == "A001")
    }

    @Test func aDueAppointmentGoesBeforeAPriorityTicketAndIsNotCounted() throws {
        var hall = Self.hall()
        try Self.book(&hall, code: "222222", time: "08:30", at: "07:50")
        // Two normal calls: a priority call is due.
        for clock in ["08:10", "08:11"] { try hall.issue("A", at: clock) }
        try hall.serveNext("1", at: "08:20")
        try hall.serveNext("1", at: "08:21")
        #expect(hall.state.normalCallsSincePriority == 2)
        let priority = try hall.issue("A", priority: true, at: "08:22")
        let appointment = try Self.checkIn(&hall, "222222", at: "08:25")
        #expect(try hall.serveNext("1", at: "08:30") == appointment)
        #expect(hall.state.normalCallsSincePriority == 2, "an appointment's call is no normal call")
        #expect(try hall.serveNext("1", at: "08:31") == priority)
        hall.expectConsistent()
    }

    @Test func twoDueAppointmentsGoBySlotThenCheckInTime() throws {
        var hall = Self.hall()
        try Self.book(&hall, code: "300001", time: "09:00")
        try Self.book(&hall, code: "300002", time: "08:30")
        try Self.book(&hall, code: "300003", time: "08:30")
        let nine = try Self.checkIn(&hall, "300001", at: "08:31")
        let lateCheckIn = try Self.checkIn(&hall, "300003", at: "08:32")
        let earlyCheckIn = try Self.checkIn(&hall, "300002", at: "08:33")
        _ = try hall.issue("A", at: "08:34")
        // All three due at 09:05: the 08:30 slot first, the one checked in first of those first.
        #expect(try hall.serveNext("1", at: "09:05") == lateCheckIn)
        #expect(try hall.serveNext("1", at: "09:06") == earlyCheckIn)
        #expect(try hall.serveNext("1", at: "09:07") == nine)
    }

    @Test func aCoveringWindowCallsTheCoveredWindowsDueAppointment() throws {
        var hall = Self.hall()
        try Self.book(&hall, code: "444444", time: "09:00")
        let appointment = try Self.checkIn(&hall, "444444", at: "08:45")
        _ = try hall.issue("C", at: "08:50")
        // Window 3 serves C only; covering window 1 it serves A too, and A's due appointment first.
        try hall.run(.cover(counter: "3", covered: "1", by: "supervisor"), at: "08:55")
        #expect(try hall.callNext("3", at: "09:00") == appointment)
    }

    @Test func checkInOpensEarlyMinBeforeTheSlotAndEndsWithTheRelease() throws {
        var hall = Self.hall()
        try Self.book(&hall, code: "555555", time: "10:00")
        hall.expectRefusal(.checkIn(code: "555555"), at: "09:29", .tooEarlyToCheckIn(code: "555555", from: ClockTime("09:30")!))
        // Nobody came by 10:10 (late_min 10): released as a no-show at 10:10 exactly.
        let released = try hall.run(.tick, at: "10:15")
        #expect(released.map(\.kind) == [.appointmentReleased(code: "555555", date: TestHall.monday)])
        #expect(released.first?.at == hall.at("10:10"))
        // A late arrival gets an ordinary walk-in ticket, not an appointment's.
        let events = try hall.run(.checkIn(code: "555555"), at: "10:20")
        #expect(events.map(\.kind) == [
            .issued(ticket: "A001", service: "A", priority: false, contact: false, audit: nil),
            .appointmentCheckedIn(code: "555555", date: TestHall.monday, ticket: "A001", slot: nil),
        ])
        #expect(hall.ticket("A001")?.isAppointment == false)
        hall.expectRefusal(.checkIn(code: "555555"), at: "10:21", .alreadyCheckedIn(code: "555555", ticket: "A001"))
        hall.expectConsistent()
    }

    @Test func anOnTimeCheckInIsIssuedEvenOutsideTheHours() throws {
        var hall = Self.hall()
        // A walk-in is refused (the service was closed), the promised slot is not.
        try Self.book(&hall, code: "666666", time: "11:30")
        try hall.run(.closeService(service: "A", by: "supervisor"), at: "11:00")
        hall.expectRefusal(.issue(service: "A", priority: false), at: "11:20", .serviceClosed("A"))
        #expect(try Self.checkIn(&hall, "666666", at: "11:35") == "A001")
        #expect(hall.ticket("A001")?.isAppointment == true)
    }

    @Test func bookingRules() throws {
        var hall = Self.hall(perSlot: 1)
        let monday = TestHall.monday
        func book(_ time: String, on date: BusinessDate = monday, service: ServiceCode = "A", code: String = "700000") -> Command {
            .bookAppointment(service: service, date: date, time: ClockTime(time)!, code: code)
        }
        hall.expectRefusal(book("09:00", service: "B"), at: "08:00", .noAppointments("B"))
        hall.expectRefusal(book("09:00", on: monday.adding(days: 8)), at: "08:00", .bookingOutOfRange(date: monday.adding(days: 8), first: monday, last: monday.adding(days: 7)))
        hall.expectRefusal(book("09:00", on: monday.adding(days: -1)), at: "08:00", .bookingOutOfRange(date: monday.adding(days: -1), first: monday, last: monday.adding(days: 7)))
        hall.expectRefusal(book("09:00", on: monday.adding(days: 5)), at: "08:00", .hallClosedOn(monday.adding(days: 5)))
        hall.expectRefusal(book("09:15"), at: "08:00", .notASlot(service: "A", time: ClockTime("09:15")!, slotMinutes: 30))
        hall.expectRefusal(book("12:00"), at: "08:00", .notASlot(service: "A", time: ClockTime("12:00")!, slotMinutes: 30))
        hall.expectRefusal(book("08:30"), at: "08:01", .tooLateToBook(time: ClockTime("08:30")!, leadMinutes: 30))
        hall.expectRefusal(book("09:00", code: "12345"), at: "08:00", .appointmentCodeTaken)
        try hall.run(book("09:30"), at: "08:00")
        hall.expectRefusal(book("09:00"), at: "08:00", .appointmentCodeTaken)
        // Full: the nearest free slots that can still be booked, in time order.
        hall.expectRefusal(book("09:30", code: "700001"), at: "08:00", .slotFull(
            service: "A", date: monday, time: ClockTime("09:30")!, nearest: ["08:30", "09:00", "10:00"].map { ClockTime($0)! }
        ))
        // Cancelled, the place is free again; cancelled twice is refused.
        try hall.run(.cancelAppointment(code: "700000"), at: "08:05")
        hall.expectRefusal(.cancelAppointment(code: "700000"), at: "08:06", .appointmentNotBooked(code: "700000", state: "cancelled"))
        try hall.run(book("09:30", code: "700001"), at: "08:07")
        hall.expectRefusal(.checkIn(code: "999999"), at: "09:10", .unknownAppointment("999999"))
        hall.expectRefusal(.checkIn(code: "700000"), at: "09:10", .appointmentNotBooked(code: "700000", state: "cancelled"))
        hall.expectConsistent()
    }

    /// A booking made on Monday for Tuesday is in Tuesday's book, whether the hall ran through
    /// midnight or started on Tuesday from the journal.
    @Test func aBookingForTomorrowOutlivesTheDay() throws {
        var hall = Self.hall()
        let tuesday = TestHall.monday.adding(days: 1)
        try Self.book(&hall, code: "808080", time: "09:00", date: tuesday)
        hall.expectRefusal(.checkIn(code: "808080"), at: "09:00", .appointmentNotToday(code: "808080", date: tuesday, time: ClockTime("09:00")!))
        let mondayEvents = hall.events
        hall.date = tuesday
        #expect(try Self.checkIn(&hall, "808080", at: "08:45") == "A001")
        // A start on Tuesday: Monday's appointment events, then Tuesday's.
        let tuesdayEvents = Array(hall.events.dropFirst(mondayEvents.count))
        var restarted = hall.engine.replay(tuesdayEvents)
        restarted.appointments = AppointmentBook(folding: mondayEvents + tuesdayEvents, today: tuesday)
        #expect(restarted == hall.state)
        #expect(restarted.appointments.appointments(on: TestHall.monday).isEmpty)
    }

    @Test func appointmentEventsRoundTripThroughTheTraceFormat() throws {
        let calendar = QueueEngine(config: TestHall.config).calendar
        let codec = TraceCodec(calendar: calendar, date: TestHall.monday)
        let at = calendar.instant(on: TestHall.monday, at: ClockTime("09:00")!)
        for kind: HallEvent.Kind in [
            .appointmentBooked(code: "012345", service: "A", date: TestHall.monday.adding(days: 3), time: ClockTime("14:30")!),
            .appointmentCancelled(code: "012345", date: TestHall.monday),
            .appointmentCheckedIn(code: "012345", date: TestHall.monday, ticket: "A007", slot: ClockTime("09:30")!),
            .appointmentCheckedIn(code: "012345", date: TestHall.monday, ticket: "A008", slot: nil),
            .appointmentReleased(code: "012345", date: TestHall.monday),
        ] {
            let event = HallEvent(at: at, kind)
            #expect(try codec.decode(codec.encode(event)) == event)
        }
    }
}
