/// Which business day a contact belongs to, so it is purged when that day ends.
public enum ContactDay {
    /// The day of the contact keyed `key` that commits with `events`: for an appointment's
    /// phone (keyed by the booking's code) the appointment's date, so the number is kept until
    /// its slot's day ends; for a ticket's, the day the ticket was issued on (else that of the
    /// last event).
    public static func of(_ key: TicketNumber, committedWith events: [HallEvent], calendar: HallCalendar) -> BusinessDate? {
        for event in events {
            if case let .appointmentBooked(code, _, date, _, _) = event.kind, code == key { return date }
        }
        let issue = events.first { $0.issuedTicket == key }
        return (issue ?? events.last).map { calendar.businessDate(of: $0.at) }
    }
}
