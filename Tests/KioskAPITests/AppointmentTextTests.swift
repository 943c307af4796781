import KioskAPI
import KioskCore
import Testing

/// The CLI's lines for appointments, the same whether the daemon or the journal answered.
@Suite struct AppointmentTextTests {
    let booked = AppointmentAnswer(code: "012345", service: "C", serviceName: "失业登记/失业证", date: "2026-03-03", time: "09:00", state: "booked", smsTo: "138****8000")

    @Test func anAppointmentIsOneLineWithItsTicketAndMaskedPhoneWhenItHasThem() {
        #expect(booked.line == "012345 · C 失业登记/失业证 · 2026-03-03 09:00 · booked · 短信提醒 SMS 138****8000")
        let checkedIn = AppointmentAnswer(code: "012345", service: "C", date: "2026-03-03", time: "09:00", state: "checked_in", ticket: "C002")
        #expect(checkedIn.line == "012345 · C  · 2026-03-03 09:00 · checked_in · C002")
    }

    @Test func aDaysListIsACountThenALineEach() {
        #expect(AppointmentList(date: "2026-03-03", appointments: [booked]).lines == ["2026-03-03: 1 个预约 appointments", booked.line])
        #expect(AppointmentList(date: "2026-03-04", appointments: []).lines == ["2026-03-04: 0 个预约 appointments"])
    }
}
