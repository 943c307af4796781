/// The answer to `GET /v1/hall` (schema `Hall`): everything a hall screen draws.
public struct HallSnapshot: Codable, Sendable, Equatable {
    public var hall: Header
    public var windows: [WindowStatus]
    public var services: [ServiceStatus]
    /// The most recent calls, newest first.
    public var calls: [RecentCall]
    /// The journal's health (the daemon always sends it; optional for older daemons).
    public var journal: JournalHealth?
    /// The hall clock against the PC's (the daemon always sends it; optional for older daemons).
    public var clock: ClockHealth?
    /// The journal sequence number of the last event the snapshot reflects: a screen drawing
    /// calls from the event stream keeps those after it on top of the snapshot (the daemon
    /// always sends it; optional for older daemons).
    public var seq: Int64?

    public init(
        hall: Header, windows: [WindowStatus] = [], services: [ServiceStatus] = [], calls: [RecentCall] = [], journal: JournalHealth? = nil,
        clock: ClockHealth? = nil, seq: Int64? = nil
    ) {
        self.hall = hall
        self.windows = windows
        self.services = services
        self.calls = calls
        self.journal = journal
        self.clock = clock
        self.seq = seq
    }

    /// The hall itself: names, notice line, business date and clock.
    public struct Header: Codable, Sendable, Equatable {
        public var name: String
        public var nameEN: String
        public var notice: String
        /// `YYYY-MM-DD`; written as `null` before the first business day.
        public var date: String?
        /// Hall time, `HH:MM`.
        public var clock: String
        /// Whether a session is open (the kiosk issues tickets).
        public var issuing: Bool

        public init(name: String, nameEN: String = "", notice: String = "", date: String?, clock: String, issuing: Bool) {
            self.name = name
            self.nameEN = nameEN
            self.notice = notice
            self.date = date
            self.clock = clock
            self.issuing = issuing
        }

        enum CodingKeys: String, CodingKey {
            case name, nameEN = "name_en", notice, date, clock, issuing
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(nameEN, forKey: .nameEN)
            try c.encode(notice, forKey: .notice)
            try c.encode(date, forKey: .date)   // `null`, never absent: the schema requires it
            try c.encode(clock, forKey: .clock)
            try c.encode(issuing, forKey: .issuing)
        }
    }

    /// One call as the screen lists it.
    public struct RecentCall: Codable, Sendable, Equatable {
        public var ticket: String
        /// Window id.
        public var counter: String
        public var counterName: String
        /// Hall time, `HH:MM:SS`.
        public var at: String
        /// An appointment's ticket (预约): its slot, `09:30`, so the screen marks the call and
        /// the walk-ins see why it came before them; absent for a walk-in.
        public var appointmentTime: String?

        public init(ticket: String, counter: String, counterName: String, at: String, appointmentTime: String? = nil) {
            self.ticket = ticket
            self.counter = counter
            self.counterName = counterName
            self.at = at
            self.appointmentTime = appointmentTime
        }

        enum CodingKeys: String, CodingKey {
            case ticket, counter, counterName = "counter_name", at, appointmentTime = "appointment_time"
        }
    }
}
