import Foundation

/// One booked appointment (预约): a service at a slot on a date, known by a 6-digit code that
/// is unique for its date.
public struct Appointment: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case booked
        case cancelled
        /// Checked in on time: `ticket` is in the line marked 预约.
        case checkedIn(ticket: TicketNumber)
        /// Not checked in by `late_min` after its slot: a no-show; a later check-in gets an
        /// ordinary walk-in ticket (`lateTicket`).
        case released(lateTicket: TicketNumber?)

        public var name: String {
            switch self {
            case .booked: return "booked"
            case .cancelled: return "cancelled"
            case .checkedIn: return "checked_in"
            case .released: return "no_show"
            }
        }
    }

    public var code: String
    public var service: ServiceCode
    public var date: BusinessDate
    public var time: ClockTime
    public var state: State
    /// A phone was left for the reminders (the number itself is kept beside the journal).
    public var hasContact: Bool
    /// When it was booked (nil in a book built by hand): a reminder whose moment had passed by
    /// then is not sent (the citizen has just booked).
    public var bookedAt: Date?

    public init(
        code: String, service: ServiceCode, date: BusinessDate, time: ClockTime, state: State = .booked, hasContact: Bool = false, bookedAt: Date? = nil
    ) {
        self.hasContact = hasContact
        self.bookedAt = bookedAt
        self.code = code
        self.service = service
        self.date = date
        self.time = time
        self.state = state
    }

    /// Whether `text` is an appointment code: exactly 6 ASCII digits.
    public static func isCode(_ text: String) -> Bool {
        text.count == 6 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
