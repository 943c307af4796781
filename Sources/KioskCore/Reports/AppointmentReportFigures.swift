import Foundation

/// Appointments (预约) in a report, for the whole hall: folded from each day's events like the
/// rest of the report, so a period adds up across days.
///
/// A booking counts on its slot's day, by how it ended there: checked in on time (an
/// appointment's ticket), checked in late (after `late_min`: an ordinary walk-in ticket), or a
/// no-show (released and never checked in that day). Cancellations count on the day they were
/// made. Waits: an appointment's from its slot to its first call (0 when called before the
/// slot), a walk-in's from its issue to its first call, so the two can be set side by side.
public struct AppointmentReportFigures: Sendable, Equatable {
    public var onTime = 0
    public var late = 0
    public var noShow = 0
    public var cancelled = 0
    /// Seconds from slot to first call, one per appointment's ticket called.
    public var appointmentWaits: [Double] = []
    /// Seconds from issue to first call, one per other ticket called.
    public var walkInWaits: [Double] = []

    // The day being folded.
    private let calendar: HallCalendar
    private var issuedAt: [TicketNumber: Date] = [:]
    private var slotOf: [TicketNumber: Date] = [:]
    private var called: Set<TicketNumber> = []
    private var released: Set<String> = []

    public init(calendar: HallCalendar) {
        self.calendar = calendar
    }

    /// Bookings whose slot fell in the period (and were not cancelled).
    public var booked: Int { onTime + late + noShow }
    /// No-shows among them.
    public var noShowRate: Double? { booked == 0 ? nil : Double(noShow) / Double(booked) }
    /// Checked in within the window (from `early_min` before the slot to `late_min` after it).
    public var onTimeRate: Double? { booked == 0 ? nil : Double(onTime) / Double(booked) }
    public var appointmentWaitP50: Double? { NearestRank.percentile(50, of: appointmentWaits) }
    public var appointmentWaitP90: Double? { NearestRank.percentile(90, of: appointmentWaits) }
    public var walkInWaitP50: Double? { NearestRank.percentile(50, of: walkInWaits) }
    public var walkInWaitP90: Double? { NearestRank.percentile(90, of: walkInWaits) }
    /// Nothing about appointments happened in the period (a hall without them): reports leave
    /// the section out.
    public var isEmpty: Bool { booked == 0 && cancelled == 0 }

    /// Folds one event; numbers restart each day.
    public mutating func fold(_ event: HallEvent) {
        switch event.kind {
        case .dayStarted:
            issuedAt = [:]
            slotOf = [:]
            called = []
            released = []
        case let .issued(ticket, _, _, _, _):
            issuedAt[ticket] = event.at
        case let .appointmentCheckedIn(code, date, ticket, slot):
            if let slot {
                onTime += 1
                slotOf[ticket] = calendar.instant(on: date, at: slot)
            } else {
                late += 1
                if released.remove(code) != nil { noShow -= 1 }
            }
        case let .appointmentReleased(code, _):
            noShow += 1
            released.insert(code)
        case .appointmentCancelled:
            cancelled += 1
        case let .called(ticket, _, _):
            guard !called.contains(ticket) else { break }
            called.insert(ticket)
            if let slot = slotOf[ticket] {
                appointmentWaits.append(max(0, event.at.timeIntervalSince(slot)))
            } else if let issued = issuedAt[ticket] {
                walkInWaits.append(event.at.timeIntervalSince(issued))
            }
        default:
            break
        }
    }

    public static func == (a: AppointmentReportFigures, b: AppointmentReportFigures) -> Bool {
        a.jsonValue == b.jsonValue
    }

    /// The figures as JSON (reports; names fixed).
    public var jsonValue: JSONValue {
        [
            "booked": .int(booked), "checked_in": .int(onTime), "late": .int(late), "no_show": .int(noShow), "cancelled": .int(cancelled),
            "no_show_rate": .optional(noShowRate), "on_time_rate": .optional(onTimeRate),
            "called": .int(appointmentWaits.count), "wait_p50_s": .optional(appointmentWaitP50), "wait_p90_s": .optional(appointmentWaitP90),
            "walk_in_called": .int(walkInWaits.count), "walk_in_wait_p50_s": .optional(walkInWaitP50), "walk_in_wait_p90_s": .optional(walkInWaitP90),
        ]
    }
}
