import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Issue 21, item 5: an appointment's SMS reminders, step by step on a hand-moved clock: the
/// day before at `remind_day_before_at`, and `remind_before_min` before the slot; once each,
/// only for a booking with a phone that is still booked, never for one booked after the moment.
@Suite struct AppointmentReminderTests {
    /// The test hall with A taking 2 appointments a slot; reminders at 16:00 the day before and
    /// 60 minutes before the slot (the defaults).
    static func hall() -> TestHall {
        var config = TestHall.config
        config.services[0].appointmentsPerSlot = 2
        config.appointments.minLeadMinutes = 0
        config.sms.signature = "【测试】"
        return TestHall(config: config)
    }

    static let tuesday = TestHall.monday.adding(days: 1)

    static func book(_ hall: inout TestHall, _ code: String, on date: BusinessDate, at time: String, phone: Bool = true, bookedAt clock: String) throws {
        try hall.run(.bookAppointment(service: "A", date: date, time: ClockTime(time)!, code: code, hasContact: phone), at: clock)
    }

    static func due(_ hall: TestHall, at clock: String, on date: BusinessDate = TestHall.monday) -> [String] {
        let planner = AppointmentReminders(config: hall.config, calendar: hall.engine.calendar)
        let instant = hall.engine.calendar.instant(on: date, at: ClockTime(clock)!)
        return planner.due(in: hall.state.appointments, at: instant).map { "\($0.appointment.code) \($0.trigger.rawValue)" }.sorted()
    }

    @Test func theDayBeforeAtItsTimeThenAnHourBeforeTheSlot() throws {
        var hall = Self.hall()
        try Self.book(&hall, "200001", on: Self.tuesday, at: "09:30", bookedAt: "08:00")
        #expect(Self.due(hall, at: "15:59").isEmpty)
        #expect(Self.due(hall, at: "16:00") == ["200001 appointment_tomorrow"])
        #expect(Self.due(hall, at: "19:59") == ["200001 appointment_tomorrow"])
        // Four hours later nobody is texted about tomorrow any more (a daemon down at 16:00).
        #expect(Self.due(hall, at: "20:00").isEmpty)
        #expect(Self.due(hall, at: "08:29", on: Self.tuesday).isEmpty)
        #expect(Self.due(hall, at: "08:30", on: Self.tuesday) == ["200001 appointment_soon"])
        #expect(Self.due(hall, at: "09:29", on: Self.tuesday) == ["200001 appointment_soon"])
        #expect(Self.due(hall, at: "09:30", on: Self.tuesday).isEmpty)
    }

    @Test func onceEachWhatTheOutboxHasIsNotDueAgain() throws {
        var hall = Self.hall()
        try Self.book(&hall, "200001", on: Self.tuesday, at: "09:30", bookedAt: "08:00")
        let planner = AppointmentReminders(config: hall.config, calendar: hall.engine.calendar)
        let four = hall.engine.calendar.instant(on: TestHall.monday, at: ClockTime("16:00")!)
        #expect(planner.due(in: hall.state.appointments, at: four, sent: { $0 == "200001" && $1 == .appointmentTomorrow }).isEmpty)
    }

    @Test func noReminderWithoutAPhoneAfterACancelOrACheckInOrWhenBookedAfterTheMoment() throws {
        var hall = Self.hall()
        try Self.book(&hall, "300001", on: TestHall.monday, at: "11:00", phone: false, bookedAt: "08:00")
        try Self.book(&hall, "300002", on: TestHall.monday, at: "11:00", bookedAt: "08:00")
        try Self.book(&hall, "300003", on: TestHall.monday, at: "11:30", bookedAt: "08:00")
        try hall.run(.cancelAppointment(code: "300002"), at: "08:10")
        #expect(Self.due(hall, at: "10:30") == ["300003 appointment_soon"])
        // Booked at 10:45 for 11:30: past its reminder's moment, the citizen has just booked.
        try Self.book(&hall, "300004", on: TestHall.monday, at: "11:30", bookedAt: "10:45")
        #expect(Self.due(hall, at: "10:45") == ["300003 appointment_soon"])
        // 300003 checks in early: it is in the line, a reminder now would confuse.
        try hall.run(.checkIn(code: "300003"), at: "11:00")
        #expect(Self.due(hall, at: "11:00").isEmpty)
        // 300005 is booked at 16:30 for tomorrow: no day-before text that evening.
        try Self.book(&hall, "300005", on: Self.tuesday, at: "09:00", bookedAt: "16:30")
        #expect(Self.due(hall, at: "17:00").isEmpty)
        #expect(Self.due(hall, at: "08:00", on: Self.tuesday) == ["300005 appointment_soon"])
    }

    @Test func turnedOffByTheConfigOrAnEmptyTemplate() throws {
        var hall = Self.hall()
        try Self.book(&hall, "400001", on: Self.tuesday, at: "09:30", bookedAt: "08:00")
        var config = hall.config
        config.appointments.remindDayBeforeAt = nil
        config.appointments.remindBeforeMinutes = 0
        let off = AppointmentReminders(config: config, calendar: hall.engine.calendar)
        for (date, clock) in [(TestHall.monday, "16:00"), (Self.tuesday, "08:30")] {
            #expect(off.due(in: hall.state.appointments, at: hall.engine.calendar.instant(on: date, at: ClockTime(clock)!)).isEmpty)
        }
        config = hall.config
        config.sms.templates[.appointmentTomorrow] = nil
        let noText = AppointmentReminders(config: config, calendar: hall.engine.calendar)
        #expect(noText.due(in: hall.state.appointments, at: hall.engine.calendar.instant(on: TestHall.monday, at: ClockTime("16:00")!)).isEmpty)
    }

    /// The texts: date, slot, service and code; dated the slot's day (purged with it), "ticket"
    /// the code, to the citizen only, gone by the deadline.
    @Test func theTextsAndTheirDrafts() throws {
        var hall = Self.hall()
        try Self.book(&hall, "500001", on: Self.tuesday, at: "09:30", bookedAt: "08:00")
        let planner = AppointmentReminders(config: hall.config, calendar: hall.engine.calendar)
        let calendar = hall.engine.calendar
        let four = calendar.instant(on: TestHall.monday, at: ClockTime("16:00")!)
        let phone = PhoneNumber("13800138000")!
        let tomorrow = try #require(planner.due(in: hall.state.appointments, at: four).first.flatMap { planner.draft($0, to: phone, at: four) })
        #expect(tomorrow.text == "【测试】您预约了3月3日09:30办理求职登记，预约码500001，请按时到大厅取号机签到。")
        #expect(tomorrow.date == Self.tuesday && tomorrow.ticket == "500001" && tomorrow.trigger == .appointmentTomorrow)
        #expect(tomorrow.recipient == .citizen && tomorrow.phone == phone)
        #expect(tomorrow.deadline == four.addingTimeInterval(4 * 3600))
        let half = calendar.instant(on: Self.tuesday, at: ClockTime("08:30")!)
        let soon = try #require(planner.due(in: hall.state.appointments, at: half).first.flatMap { planner.draft($0, to: phone, at: half) })
        #expect(soon.text == "【测试】您预约的求职登记将于09:30开始，请到大厅取号机输入预约码500001签到。")
        #expect(soon.deadline == calendar.instant(on: Self.tuesday, at: ClockTime("09:30")!))
    }

    /// Both texts fit one SMS in the embedded hall (the 70-character check `config check`
    /// makes), and a template too long for it is refused with its line.
    @Test func theTemplatesFitOneSMSAndALongOneIsRefused() throws {
        let hall = HallConfig.defaultHall
        for trigger in [SMSTrigger.appointmentTomorrow, .appointmentSoon] {
            let worst = try #require(hall.sms.worstCaseLength(trigger, in: hall))
            #expect(worst <= SMSTemplate.segmentLength, "\(trigger): \(worst)")
        }
        func problems(_ sections: String) -> [String] {
            let json = """
                {
                  "sessions": [["08:00", "12:00"]],
                  "services": [{"code": "A", "name": "失业登记", "appointments_per_slot": 2}],
                  "counters": [{"id": "1", "services": ["A"]}],
                  \(sections)
                }
                """
            do {
                _ = try HallConfig.load(json: json)
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        let badTime = problems(#""appointments": {"remind_day_before_at": "7pm"}"#)
        #expect(badTime.contains { $0.contains("appointments.remind_day_before_at must be HH:MM") }, "\(badTime)")
        let long = String(repeating: "请", count: 60)
        let tooLong = problems(#""sms": {"gateway": "log", "signature": "【测试】", "templates": {"appointment_soon": "\#(long){code}{time}"}}"#)
        #expect(tooLong.contains { $0.contains("sms.templates.appointment_soon can render") && $0.contains("one SMS holds 70") }, "\(tooLong)")
        #expect(problems(#""appointments": {"remind_day_before_at": "", "remind_before_min": 30}"#).isEmpty)
    }
}
