import Foundation
import KioskCore

extension LocalHall {
    /// Books a slot on the journal itself (`kiosk appointment book --data-dir`), drawing its
    /// code as the daemon does; the appointment as booked. Refusals throw their `QueueError`.
    public func bookAppointment(
        service: ServiceCode, date: BusinessDate, time: ClockTime, phone: PhoneNumber?, at now: Date,
        using generator: inout some RandomNumberGenerator
    ) async throws -> Appointment {
        try await AppointmentCodes.book(using: &generator) { code in
            let outcome = try execute(
                .bookAppointment(service: service, date: date, time: time, code: code, hasContact: phone != nil), at: now,
                contact: phone.map { TicketContact(ticket: code, phone: $0, caretaker: nil) }
            )
            guard let booked = outcome.state.appointments.find(code) else { throw QueueError.unknownAppointment(code) }
            return booked
        }
    }

    /// Checks `code` in at `now` (`kiosk appointment check-in --data-dir`). The phone the booking
    /// left, if any, serves the ticket the check-in issues, as the daemon's route does; a journal
    /// whose contacts cannot be read costs the citizen the SMS, never the ticket.
    public func checkIn(code: String, at now: Date) throws -> Outcome {
        let today = engine.calendar.businessDate(of: now)
        let contact = (try? journal.contacts(on: today))?.first { $0.ticket == code && $0.phone != nil }
        return try execute(.checkIn(code: code), at: now, contact: contact)
    }

    /// `day`'s appointments as the journal holds them at `now` (`day` nil: today).
    public func appointments(on day: BusinessDate?, at now: Date) throws -> (day: BusinessDate, appointments: [Appointment]) {
        let day = day ?? engine.calendar.businessDate(of: now)
        return (day, try state(at: now).appointments.appointments(on: day))
    }
}
