import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The daemon's route and `kiosk appointment book --data-dir` draw codes with one function.
@Suite struct AppointmentCodesTests {
    @Test func aCodeIsSixDigitsAndATakenOneIsDrawnAgain() async throws {
        var generator = SplitMix64(seed: 7)
        var tried: [String] = []
        let booked = try await AppointmentCodes.book(using: &generator) { code in
            tried.append(code)
            if tried.count < 3 { throw QueueError.appointmentCodeTaken }
            return code
        }
        #expect(tried.count == 3 && booked == tried.last)
        #expect(tried.allSatisfy(Appointment.isCode), "\(tried)")
        #expect(Set(tried).count == 3)
    }

    @Test func eightTakenCodesGiveUpAndOtherRefusalsAreNotRetried() async throws {
        var generator = SplitMix64(seed: 1)
        var attempts = 0
        await #expect(throws: QueueError.appointmentCodeTaken) {
            try await AppointmentCodes.book(using: &generator) { (_: String) throws -> String in
                attempts += 1
                throw QueueError.appointmentCodeTaken
            }
        }
        #expect(attempts == AppointmentCodes.attempts)
        attempts = 0
        await #expect(throws: QueueError.unknownAppointment("000000")) {
            try await AppointmentCodes.book(using: &generator) { (_: String) throws -> String in
                attempts += 1
                throw QueueError.unknownAppointment("000000")
            }
        }
        #expect(attempts == 1)
    }

    @Test func smallNumbersKeepTheirLeadingZeros() async throws {
        // A generator whose every draw of 0...999_999 is 42 (⌈42·2⁶⁴/10⁶⌉ + 2, past the
        // standard library's rejection threshold): the code is 000042, not 42.
        struct FortyTwo: RandomNumberGenerator { mutating func next() -> UInt64 { 774_763_251_095_803 } }
        var generator = FortyTwo()
        #expect(try await AppointmentCodes.book(using: &generator) { $0 } == "000042")
    }

    @Test func checkInLinesAreTheTicketWithItsSlotOrTheLateNote() throws {
        var hall = QueueEngineAppointmentTests.hall()
        try QueueEngineAppointmentTests.book(&hall, code: "123456", time: "09:30")
        try QueueEngineAppointmentTests.book(&hall, code: "654321", time: "08:30")
        let onTime = try hall.run(.checkIn(code: "123456"), at: "09:05")
        #expect(CheckInText.lines(code: "123456", events: onTime, state: hall.state, config: hall.config, calendar: hall.engine.calendar)
            == ["ticket A001 · 求职登记 · 前面 0 人 · 请携带 身份证 · 预约 09:30"])
        let late = try hall.run(.checkIn(code: "654321"), at: "09:10")
        let lines = CheckInText.lines(code: "654321", events: late, state: hall.state, config: hall.config, calendar: hall.engine.calendar)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("ticket A002 · 求职登记 · 前面 ") == true && lines.first?.contains("预约") == false, "\(lines)")
        #expect(lines.last == AppointmentCodes.lateNote(slot: ClockTime("08:30")!, lateMinutes: hall.config.appointments.lateMinutes))
        #expect(AppointmentCodes.lateNote(slot: ClockTime("08:30")!, lateMinutes: 10).hasPrefix("已超过预约时段08:30后10分钟"))
        #expect(CheckInText.lines(code: "123456", events: [], state: hall.state, config: hall.config, calendar: hall.engine.calendar).isEmpty)
    }
}
