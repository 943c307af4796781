import Foundation

/// A day's appointments in figures (`GET /v1/stats`, `kiosk stats`): how many were booked,
/// checked in on time, released as no-shows (a late arrival's walk-in ticket included),
/// cancelled, and the wait from the slot to the first call of those called (seconds; called
/// before the slot counts 0).
public struct AppointmentFigures: Sendable, Equatable {
    public var booked = 0
    public var checkedIn = 0
    public var noShow = 0
    public var cancelled = 0
    public var called = 0
    public var waitMeanSeconds: Double = 0
    public var waitMaxSeconds: Double = 0

    public init() {}

    /// The figures of `date` in `state` (today's hall, with its appointment book).
    public init(state: HallState, date: BusinessDate) {
        var total = 0.0
        for appointment in state.appointments.appointments(on: date) {
            booked += 1
            switch appointment.state {
            case .booked: break
            case .cancelled: cancelled += 1
            case .released: noShow += 1
            case let .checkedIn(ticket):
                checkedIn += 1
                guard let t = state.tickets[ticket], let slot = t.appointmentSlot, let call = t.firstCalledAt else { continue }
                let wait = max(0, call.timeIntervalSince(slot))
                called += 1
                total += wait
                waitMaxSeconds = max(waitMaxSeconds, wait)
            }
        }
        waitMeanSeconds = called == 0 ? 0 : total / Double(called)
    }
}
