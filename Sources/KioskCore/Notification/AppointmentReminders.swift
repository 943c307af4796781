import Foundation

/// When an appointment's SMS reminders fall due, and their text: one the day before the slot
/// (at `appointments.remind_day_before_at`) and one `appointments.remind_before_min` before
/// it ("your appointment is near"), each once, only for a booking that left a phone and is
/// still booked. Pure: the daemon's reminder pass asks it with the hall clock's `now`.
public struct AppointmentReminders: Sendable {
    public let config: HallConfig
    public let calendar: HallCalendar

    /// How long a day-before reminder may still go out after its moment, seconds: a daemon
    /// that was down at 16:00 still reminds at 18:00, not at midnight.
    public static let dayBeforeWindow: Double = 4 * 3600

    public init(config: HallConfig, calendar: HallCalendar) {
        self.config = config
        self.calendar = calendar
    }

    /// One reminder to send: which appointment, which message, until when.
    public struct Due: Sendable, Equatable {
        public var appointment: Appointment
        public var trigger: SMSTrigger
        public var deadline: Date
    }

    /// The window in which `trigger`'s reminder of `appointment` may go out, or nil when it
    /// has none (turned off, or no template).
    public func window(_ trigger: SMSTrigger, of appointment: Appointment) -> (due: Date, deadline: Date)? {
        guard config.sms.templates[trigger] != nil else { return nil }
        let slot = calendar.instant(on: appointment.date, at: appointment.time)
        switch trigger {
        case .appointmentTomorrow:
            guard let at = config.appointments.remindDayBeforeAt else { return nil }
            let due = calendar.instant(on: appointment.date.adding(days: -1), at: at)
            // Never after the near reminder's moment (or the slot): that one says it then.
            let near = slot.addingTimeInterval(-Double(config.appointments.remindBeforeMinutes) * 60)
            return (due, min(due.addingTimeInterval(Self.dayBeforeWindow), near))
        case .appointmentSoon:
            let minutes = config.appointments.remindBeforeMinutes
            guard minutes > 0 else { return nil }
            return (slot.addingTimeInterval(-Double(minutes) * 60), slot)
        default:
            return nil
        }
    }

    /// The reminders due at `now` among `book`'s appointments: booked, with a phone, whose
    /// moment has come and whose deadline has not, and not booked after the moment (a citizen
    /// who booked at 17:00 for tomorrow needs no reminder that evening). `sent` says which
    /// the outbox has already (code, trigger).
    public func due(in book: AppointmentBook, at now: Date, sent: (String, SMSTrigger) -> Bool = { _, _ in false }) -> [Due] {
        let today = calendar.businessDate(of: now)
        var out: [Due] = []
        // Today's and tomorrow's slots are the only ones a reminder can be due for.
        for date in [today, today.adding(days: 1)] {
            for appointment in book.appointments(on: date) where appointment.state == .booked && appointment.hasContact {
                for trigger in [SMSTrigger.appointmentTomorrow, .appointmentSoon] {
                    guard let span = window(trigger, of: appointment), span.due <= now, now < span.deadline,
                          (appointment.bookedAt ?? .distantPast) < span.due, !sent(appointment.code, trigger) else { continue }
                    out.append(Due(appointment: appointment, trigger: trigger, deadline: span.deadline))
                }
            }
        }
        return out
    }

    /// The outbox draft of `due` to `phone`: dated the slot's day (so the number is purged with
    /// that day's), "ticket" the appointment's code.
    public func draft(_ due: Due, to phone: PhoneNumber, at now: Date) -> OutboxDraft? {
        let a = due.appointment
        let values: [SMSTemplate.Field: String] = [
            .code: a.code, .time: a.time.description, .date: SMSTemplate.dateText(a.date),
            .service: config.service(a.service)?.name ?? a.service,
        ]
        guard let text = config.sms.text(due.trigger, values) else { return nil }
        return OutboxDraft(
            date: a.date, ticket: a.code, trigger: due.trigger, recipient: .citizen, phone: phone, text: text, createdAt: now, deadline: due.deadline
        )
    }
}
