import Foundation

/// What `kiosk appointment check-in` prints for a check-in made on the journal itself, worded
/// as the daemon's answer is: the ticket's line with its slot (`· 预约 09:00`), or, for a citizen
/// past the slot's grace, the ordinary walk-in ticket and why.
public enum CheckInText {
    public static func lines(code: String, events: [HallEvent], state: HallState, config: HallConfig, calendar: HallCalendar) -> [String] {
        guard let number = events.lazy.compactMap(\.issuedTicket).last, let ticket = state.tickets[number],
              let service = config.service(ticket.service) else { return [] }
        let line = IssuedTicketText.line(
            ticket: number, serviceName: service.name, ahead: state.peopleAhead(of: number) ?? 0, documents: service.documents,
            maskedPhone: nil, maskedCaretaker: nil
        )
        if let slot = ticket.appointmentSlot { return [line + " · 预约 " + String(EventText.clock(slot, calendar).prefix(5))] }
        guard let appointment = state.appointments.find(code) else { return [line] }
        return [line, AppointmentCodes.lateNote(slot: appointment.time, lateMinutes: config.appointments.lateMinutes)]
    }
}
