import KioskAPI

/// The fields of one `event: hall` stream message the screen cares about (the event's trace
/// line plus `seq` and `date`, as the daemon sends it, and on a call what the screen draws of it).
public struct StreamedHallEvent: Sendable, Hashable {
    /// Journal sequence number.
    public var seq: Int64?
    /// Business date, `YYYY-MM-DD`.
    public var date: String?
    /// Seconds since the hall's local midnight.
    public var secondsOfDay: Double?
    /// The event kind as the trace names it: `call`, `recall`, `issue`, `pause`, …
    public var kind: String
    public var ticket: String?
    public var counter: String?
    /// On a call: the window's name, the ticket's service and its name, an appointment's slot
    /// (`HH:MM`); nil from a daemon that does not send them (the snapshot then names them).
    public var counterName: String?
    public var service: String?
    public var serviceName: String?
    public var appointmentTime: String?

    public init(
        seq: Int64? = nil, date: String? = nil, secondsOfDay: Double? = nil, kind: String, ticket: String? = nil, counter: String? = nil,
        counterName: String? = nil, service: String? = nil, serviceName: String? = nil, appointmentTime: String? = nil
    ) {
        self.seq = seq
        self.date = date
        self.secondsOfDay = secondsOfDay
        self.kind = kind
        self.ticket = ticket
        self.counter = counter
        self.counterName = counterName
        self.service = service
        self.serviceName = serviceName
        self.appointmentTime = appointmentTime
    }

    /// Decodes a stream message's data (an `EventLine`); nil when it is not a hall event.
    public init?(data: String) {
        guard let line = try? APICoding.decode(EventLine.self, from: data), let kind = line.kind else { return nil }
        self.init(
            seq: line.seq, date: line.date, secondsOfDay: line.secondsOfDay, kind: kind, ticket: line.ticket, counter: line.counter,
            counterName: line.counterName, service: line.service, serviceName: line.serviceName, appointmentTime: line.appointmentTime
        )
    }

    /// Whether the event asks a citizen to come to a window (and so is announced).
    public var isCall: Bool {
        ["call", "recall", "unpark", "call_back"].contains(kind) && ticket != nil && counter != nil
    }

    /// Whether the screen must read the hall again at once rather than at its next refresh:
    /// a new business day (the calls start afresh) or a config change (names, windows, services).
    public var changesTheHall: Bool {
        kind == "day" || kind == "config"
    }
}
