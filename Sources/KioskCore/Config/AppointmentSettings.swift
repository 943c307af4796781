/// How the hall takes appointments (预约), config `appointments`; how many a service takes per
/// slot is the service's own (`services[].appointments_per_slot`, 0 = none).
public struct AppointmentSettings: Sendable, Equatable {
    /// A slot's length, minutes (`slot_min`): slots start at each session's (or the service's
    /// hours') start, every this many minutes.
    public var slotMinutes: Int = 30
    /// How many days ahead a citizen may book (`book_days_ahead`; 0 = today only).
    public var bookDaysAhead: Int = 7
    /// The least notice, minutes (`min_lead_min`): a slot starting sooner cannot be booked.
    public var minLeadMinutes: Int = 30
    /// How early before its slot a citizen may check in, minutes (`early_min`).
    public var earlyMinutes: Int = 30
    /// How late after its slot a citizen may still check in as an appointment, minutes
    /// (`late_min`); later, the booking is released as a no-show and a check-in gets an
    /// ordinary walk-in ticket.
    public var lateMinutes: Int = 10
    /// When the day-before SMS reminder goes out (`remind_day_before_at`, hall time on the day
    /// before the slot's; `""` in the file: none), for a booking that left a phone.
    public var remindDayBeforeAt: ClockTime? = ClockTime(minutes: 16 * 60)
    /// How long before its slot the "your appointment is near" SMS goes out, minutes
    /// (`remind_before_min`; 0: none).
    public var remindBeforeMinutes: Int = 60

    public init() {}

    /// The file's keys, for `jsonValue` and `read`.
    var jsonValue: JSONValue {
        [
            "slot_min": .number(Double(slotMinutes)), "book_days_ahead": .number(Double(bookDaysAhead)),
            "min_lead_min": .number(Double(minLeadMinutes)), "early_min": .number(Double(earlyMinutes)),
            "late_min": .number(Double(lateMinutes)),
            "remind_day_before_at": .string(remindDayBeforeAt?.description ?? ""), "remind_before_min": .number(Double(remindBeforeMinutes)),
        ]
    }

    /// Reads the `appointments` section (absent: defaults).
    static func read(_ node: JSONNode?, lenient: Bool, into root: inout ConfigReader) -> AppointmentSettings {
        root.section(node, path: "appointments", lenient: lenient, defaults: AppointmentSettings()) { r, settings in
            settings.slotMinutes = r.int("slot_min", in: 5...240) ?? settings.slotMinutes
            settings.bookDaysAhead = r.int("book_days_ahead", in: 0...60) ?? settings.bookDaysAhead
            settings.minLeadMinutes = r.int("min_lead_min", in: 0...1440) ?? settings.minLeadMinutes
            settings.earlyMinutes = r.int("early_min", in: 0...240) ?? settings.earlyMinutes
            settings.lateMinutes = r.int("late_min", in: 0...240) ?? settings.lateMinutes
            if let text = r.string("remind_day_before_at") {
                if text.isEmpty {
                    settings.remindDayBeforeAt = nil
                } else if let time = ClockTime(text) {
                    settings.remindDayBeforeAt = time
                } else {
                    r.report(r.raw("remind_day_before_at")!, "appointments.remind_day_before_at must be HH:MM (or \"\" for no day-before reminder), found \"\(text)\"")
                }
            }
            settings.remindBeforeMinutes = r.int("remind_before_min", in: 0...720) ?? settings.remindBeforeMinutes
        }
    }
}
