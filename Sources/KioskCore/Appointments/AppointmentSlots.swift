/// The slots a service takes appointments in: from each of its spans' start (its `hours`, else
/// the hall's sessions), every `slot_min` minutes, while the slot starts inside the span.
public struct AppointmentSlots: Sendable {
    public let config: HallConfig

    public init(config: HallConfig) {
        self.config = config
    }

    /// The slot starts of `service` in a day, in order; none when it takes no appointments.
    public func starts(of service: ServiceConfig) -> [ClockTime] {
        guard service.appointmentsPerSlot > 0 else { return [] }
        let step = config.appointments.slotMinutes
        var out: [ClockTime] = []
        for span in service.hours ?? config.sessions {
            var minute = span.start.minutes
            while minute < span.end.minutes {
                out.append(ClockTime(minutes: minute))
                minute += step
            }
        }
        return out
    }
}
