import KioskCore

extension AppointmentAnswer {
    /// The CLI's line: `123456 · C 失业登记/失业证 · 2026-03-02 09:30 · booked`, then the ticket
    /// a check-in issued and the masked phone the reminders go to, when there are.
    public var line: String {
        "\(code) · \(service) \(serviceName ?? "") · \(date) \(time) · \(state)" + (ticket.map { " · \($0)" } ?? "")
            + (smsTo.map { " · 短信提醒 SMS \($0)" } ?? "")
    }
}

extension AppointmentList {
    /// The CLI's lines for a day's appointments: a count, then one line each.
    public var lines: [String] {
        ["\(date): \(appointments.count) 个预约 appointments"] + appointments.map(\.line)
    }
}

extension IssuedTicketAnswer {
    /// The CLI's lines for a check-in: the ticket with its slot, and the daemon's note (a late
    /// arrival's ticket is an ordinary walk-in one).
    public var checkInLines: [String] {
        [line + (ticket.appointmentTime.map { " · 预约 \($0)" } ?? "")] + (note.map { [$0] } ?? [])
    }
}
