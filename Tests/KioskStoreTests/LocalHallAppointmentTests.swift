import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// `kiosk appointment book|list --data-dir`: a booking drawn and committed on the journal
/// itself, and a day's book read back from it.
@Suite struct LocalHallAppointmentTests {
    /// The test hall with one appointment a slot for A; its journal in `dir`.
    let config = {
        var config = TestHall.config
        config.services[0].appointmentsPerSlot = 1
        return config
    }()
    let dir = NSTemporaryDirectory() + "kiosk-local-appointment-" + UUID().uuidString
    let tuesday = BusinessDate(year: 2026, month: 3, day: 3)
    var calendar: HallCalendar { QueueEngine(config: config).calendar }

    @Test func aBookingIsCommittedUnderItsDrawnCodeAndListedOnItsDay() async throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let monday3pm = calendar.instant(on: TestHall.monday, at: ClockTime("15:00")!)
        var generator = SplitMix64(seed: 11)
        do {
            let hall = try LocalHall.openForWriting(config: config, dataDirectory: dir)
            let booked = try await hall.bookAppointment(
                service: "A", date: tuesday, time: ClockTime("09:00")!, phone: PhoneNumber("13800138000"), at: monday3pm, using: &generator
            )
            #expect(Appointment.isCode(booked.code) && booked.date == tuesday && booked.service == "A")
            await #expect(throws: QueueError.self) {
                try await hall.bookAppointment(service: "A", date: tuesday, time: ClockTime("09:00")!, phone: nil, at: monday3pm, using: &generator)
            }
            hall.writerLock?.release()
        }
        // Another process, read-only, on Tuesday: the day's one appointment; Monday has none.
        let reader = try LocalHall.openReadOnly(config: config, dataDirectory: dir)
        let tuesdayMorning = calendar.instant(on: tuesday, at: ClockTime("08:00")!)
        let (day, list) = try reader.appointments(on: nil, at: tuesdayMorning)
        #expect(day == tuesday && list.count == 1)
        #expect(try reader.appointments(on: TestHall.monday, at: tuesdayMorning).appointments.isEmpty)
    }

    /// The booking's phone serves the ticket its check-in issues (the daemon's route does the
    /// same): the ticket is marked as having a contact and the journal holds its phone.
    @Test func aCheckInOnTheJournalCarriesTheBookingsPhoneToItsTicket() async throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hall = try LocalHall.openForWriting(config: config, dataDirectory: dir)
        defer { hall.writerLock?.release() }
        var generator = SplitMix64(seed: 5)
        let booked = try await hall.bookAppointment(
            service: "A", date: tuesday, time: ClockTime("09:00")!, phone: PhoneNumber("13800138000"),
            at: calendar.instant(on: TestHall.monday, at: ClockTime("15:00")!), using: &generator
        )
        let outcome = try hall.checkIn(code: booked.code, at: calendar.instant(on: tuesday, at: ClockTime("08:50")!))
        let number = try #require(outcome.events.compactMap(\.issuedTicket).last)
        #expect(outcome.state.tickets[number]?.hasContact == true)
        let contact = try hall.journal.contacts(on: tuesday).first { $0.ticket == number }
        #expect(contact?.phone == PhoneNumber("13800138000"))
    }
}
