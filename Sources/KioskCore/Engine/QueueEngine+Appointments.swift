import Foundation

/// Appointments (预约): booking a slot, cancelling, checking in at the hall, and the release of a
/// booking nobody checked in for. The call rule that puts a due appointment first is in
/// `CallRule`.
extension QueueEngine {
    /// Books `code` (chosen by the caller, unique among the book's appointments) for `service`
    /// at `time` on `date`.
    func book(
        service code: ServiceCode, date: BusinessDate, time: ClockTime, code appointment: String, hasContact: Bool, in state: HallState, at now: Date
    ) throws(QueueError) -> HallEvent.Kind {
        guard let service = config.service(code) else { throw .unknownService(code) }
        guard service.appointmentsPerSlot > 0 else { throw .noAppointments(code) }
        let settings = config.appointments
        let today = calendar.businessDate(of: now)
        let last = today.adding(days: settings.bookDaysAhead)
        guard date >= today, date <= last else { throw .bookingOutOfRange(date: date, first: today, last: last) }
        guard WorkingDays(holidays: config.holidays).isWorkingDay(date) else { throw .hallClosedOn(date) }
        let slots = AppointmentSlots(config: config).starts(of: service)
        guard slots.contains(time) else { throw .notASlot(service: code, time: time, slotMinutes: settings.slotMinutes) }
        let earliest = now.addingTimeInterval(Double(settings.minLeadMinutes) * 60)
        guard calendar.instant(on: date, at: time) >= earliest else { throw .tooLateToBook(time: time, leadMinutes: settings.minLeadMinutes) }
        guard state.appointments.taken(code, on: date, at: time) < service.appointmentsPerSlot else {
            let free = slots.filter { slot in
                slot != time && calendar.instant(on: date, at: slot) >= earliest
                    && state.appointments.taken(code, on: date, at: slot) < service.appointmentsPerSlot
            }
            let nearest = free.sorted { (abs($0.minutes - time.minutes), $0.minutes) < (abs($1.minutes - time.minutes), $1.minutes) }
            throw .slotFull(service: code, date: date, time: time, nearest: Array(nearest.prefix(3)).sorted())
        }
        guard Appointment.isCode(appointment), state.appointments.find(appointment) == nil else { throw .appointmentCodeTaken }
        return .appointmentBooked(code: appointment, service: code, date: date, time: time, hasContact: hasContact)
    }

    func cancelAppointment(_ code: String, in state: HallState) throws(QueueError) -> HallEvent.Kind {
        guard let appointment = state.appointments.find(code) else { throw .unknownAppointment(code) }
        guard appointment.state == .booked else { throw .appointmentNotBooked(code: code, state: appointment.state.name) }
        return .appointmentCancelled(code: code, date: appointment.date)
    }

    /// At the hall: from `early_min` before the slot to `late_min` after it, a ticket in the
    /// line marked as an appointment (outside the hours, quota and a closed service: the slot
    /// was promised); later (released), an ordinary walk-in ticket under the normal rules.
    func checkIn(_ code: String, in state: HallState, at now: Date) throws(QueueError) -> [HallEvent.Kind] {
        let today = calendar.businessDate(of: now)
        guard let appointment = state.appointments.find(code) else { throw .unknownAppointment(code) }
        guard appointment.date == today else { throw .appointmentNotToday(code: code, date: appointment.date, time: appointment.time) }
        let slot = calendar.instant(on: today, at: appointment.time)
        switch appointment.state {
        case .cancelled:
            throw .appointmentNotBooked(code: code, state: appointment.state.name)
        case let .checkedIn(ticket), let .released(ticket?):
            throw .alreadyCheckedIn(code: code, ticket: ticket)
        case .released(nil):
            // The booking's phone (if it left one) serves its ticket too: the route passes it.
            let walkIn = try issue(service: appointment.service, priority: false, contact: appointment.hasContact, override: nil, in: state, at: now)
            guard case let .issued(ticket, _, _, _, _) = walkIn else { return [walkIn] }
            return [walkIn, .appointmentCheckedIn(code: code, date: today, ticket: ticket, slot: nil)]
        case .booked:
            let opens = slot.addingTimeInterval(-Double(config.appointments.earlyMinutes) * 60)
            guard now >= opens else { throw .tooEarlyToCheckIn(code: code, from: ClockTime(minutes: Int(calendar.secondsOfDay(opens)) / 60)) }
            let next = (state.lastNumber[appointment.service] ?? config.numbering.first - 1) + 1
            guard next <= config.numbering.last else { throw .numbersExhausted(service: appointment.service, last: config.numbering.last) }
            let ticket = Self.number(service: appointment.service, n: next)
            return [
                .issued(ticket: ticket, service: appointment.service, priority: false, contact: appointment.hasContact, audit: nil),
                .appointmentCheckedIn(code: code, date: today, ticket: ticket, slot: appointment.time),
            ]
        }
    }

    /// The next booking of today to release: `late_min` after its slot, not checked in.
    func nextRelease(in state: HallState) -> HallEvent? {
        guard let date = state.date else { return nil }
        let late = Double(config.appointments.lateMinutes) * 60
        return state.appointments.appointments(on: date).lazy.filter { $0.state == .booked }.map { appointment in
            HallEvent(at: self.calendar.instant(on: date, at: appointment.time).addingTimeInterval(late), .appointmentReleased(code: appointment.code, date: date))
        }.first
    }
}
