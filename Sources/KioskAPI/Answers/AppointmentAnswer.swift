import KioskCore

/// One appointment (schema `Appointment`): `POST /v1/appointments` answers it, `GET
/// /v1/appointments` lists them. A phone only masked, in the booking's answer.
public struct AppointmentAnswer: Codable, Sendable, Equatable {
    /// Six digits, unique among the hall's appointments: what the citizen types at the kiosk.
    public var code: String
    public var service: String
    public var serviceName: String?
    /// `YYYY-MM-DD`.
    public var date: String
    /// The slot's start, `HH:MM`.
    public var time: String
    /// `booked`, `cancelled`, `checked_in` or `no_show`.
    public var state: String
    /// The ticket a check-in issued (an appointment's, or a late arrival's walk-in ticket).
    public var ticket: String?
    /// The booking's phone for the reminders, masked (`138****8000`): in the answer to the
    /// booking only.
    public var smsTo: String?

    public init(
        code: String, service: String, serviceName: String? = nil, date: String, time: String, state: String, ticket: String? = nil, smsTo: String? = nil
    ) {
        self.smsTo = smsTo
        self.code = code
        self.service = service
        self.serviceName = serviceName
        self.date = date
        self.time = time
        self.state = state
        self.ticket = ticket
    }

    public init(_ appointment: Appointment, serviceName: String?) {
        var ticket: String?
        switch appointment.state {
        case let .checkedIn(t), let .released(t?): ticket = t
        default: ticket = nil
        }
        self.init(
            code: appointment.code, service: appointment.service, serviceName: serviceName, date: appointment.date.description,
            time: appointment.time.description, state: appointment.state.name, ticket: ticket
        )
    }

    enum CodingKeys: String, CodingKey {
        case code, service, serviceName = "service_name", date, time, state, ticket, smsTo = "sms_to"
    }
}

/// The answer to `GET /v1/appointments?date=`.
public struct AppointmentList: Codable, Sendable, Equatable {
    public var date: String
    public var appointments: [AppointmentAnswer]

    public init(date: String, appointments: [AppointmentAnswer]) {
        self.date = date
        self.appointments = appointments
    }
}
