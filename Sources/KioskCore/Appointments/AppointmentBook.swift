/// Every appointment from today on: folded from the appointment events of the days they were
/// booked on (up to `book_days_ahead` days back) and of today. It outlives a business day (a
/// booking made on Monday for Wednesday is in Wednesday's book); the past days drop out at
/// each new day.
public struct AppointmentBook: Sendable, Equatable {
    /// By date, then code.
    public private(set) var byDate: [BusinessDate: [String: Appointment]] = [:]

    public init() {}

    /// The book after `events` (a start-up's: the days before today, then today's), without
    /// the days before `today`.
    public init(folding events: [HallEvent], today: BusinessDate) {
        for event in events where event.isAppointmentEvent { fold(event) }
        drop(before: today)
    }

    public func appointment(_ code: String, on date: BusinessDate) -> Appointment? {
        byDate[date]?[code]
    }

    /// The appointment with `code` on any day in the book (codes are unique across it).
    public func find(_ code: String) -> Appointment? {
        byDate.keys.sorted().lazy.compactMap { self.byDate[$0]?[code] }.first
    }

    /// The date's appointments by slot, then code.
    public func appointments(on date: BusinessDate) -> [Appointment] {
        (byDate[date] ?? [:]).values.sorted { ($0.time, $0.code) < ($1.time, $1.code) }
    }

    /// Appointments holding a place in `service`'s slot (booked or checked in; a cancelled or
    /// released one frees it).
    public func taken(_ service: ServiceCode, on date: BusinessDate, at time: ClockTime) -> Int {
        (byDate[date] ?? [:]).values.filter { a in
            guard a.service == service, a.time == time else { return false }
            switch a.state {
            case .booked, .checkedIn: return true
            case .cancelled, .released: return false
            }
        }.count
    }

    /// Applies one appointment event; others are ignored.
    public mutating func fold(_ event: HallEvent) {
        switch event.kind {
        case let .appointmentBooked(code, service, date, time, hasContact):
            byDate[date, default: [:]][code] = Appointment(code: code, service: service, date: date, time: time, hasContact: hasContact, bookedAt: event.at)
        case let .appointmentCancelled(code, date):
            byDate[date]?[code]?.state = .cancelled
        case let .appointmentCheckedIn(code, date, ticket, slot):
            guard byDate[date]?[code] != nil else { return }
            byDate[date]?[code]?.state = slot == nil ? .released(lateTicket: ticket) : .checkedIn(ticket: ticket)
        case let .appointmentReleased(code, date):
            byDate[date]?[code]?.state = .released(lateTicket: nil)
        default:
            break
        }
    }

    /// Forgets the days before `date` (a new business day began).
    public mutating func drop(before date: BusinessDate) {
        byDate = byDate.filter { $0.key >= date }
    }
}

extension HallEvent {
    /// Whether the event belongs to the appointment book (what a start-up reads from the days
    /// before today).
    public var isAppointmentEvent: Bool {
        switch kind {
        case .appointmentBooked, .appointmentCancelled, .appointmentCheckedIn, .appointmentReleased: return true
        default: return false
        }
    }
}
