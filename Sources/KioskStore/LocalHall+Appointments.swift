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

    /// `day`'s appointments as the journal holds them at `now` (`day` nil: today).
    public func appointments(on day: BusinessDate?, at now: Date) throws -> (day: BusinessDate, appointments: [Appointment]) {
        let day = day ?? engine.calendar.businessDate(of: now)
        return (day, try state(at: now).appointments.appointments(on: day))
    }
}
