import KioskCore

/// A committed event as the live stream and command answers carry it (schema `Event`): its
/// trace-format v1 line plus `seq` (journal sequence number) and `date` (business date).
/// The trace format's fields are open-ended, so the line stays a `JSONValue`; `TraceCodec`
/// reads it back into a `HallEvent`.
public struct EventLine: Codable, Sendable, Equatable {
    /// The whole object, `seq` and `date` included.
    public var json: JSONValue

    public init(json: JSONValue) {
        self.json = json
    }

    /// `line` (a trace line) with `date` and `seq` in front, as the daemon sends it.
    public init(trace line: JSONValue, date: String, seq: Int64?) {
        guard case var .object(members) = line else {
            self.init(json: line)
            return
        }
        // A `day` line already carries its date; a second "date" key would make the object invalid.
        if !members.contains(where: { $0.key == "date" }) { members.insert(("date", .string(date)), at: 0) }
        if let seq { members.insert(("seq", .number(Double(seq))), at: 0) }
        self.init(json: .object(members))
    }

    /// Equal when the same members have the same values: a JSON object's member order is not meaning.
    public static func == (lhs: EventLine, rhs: EventLine) -> Bool {
        AnyJSON.normalized(lhs.json) == AnyJSON.normalized(rhs.json)
    }

    public var seq: Int64? { json["seq"]?.intValue.map(Int64.init) }
    /// `YYYY-MM-DD`.
    public var date: String? { json["date"]?.stringValue }
    /// The trace's event name: `issue`, `call`, `recall`, `pause`, …
    public var kind: String? { json["ev"]?.stringValue }
    /// Seconds since the hall's local midnight.
    public var secondsOfDay: Double? { json["t"]?.doubleValue }
    /// The ticket the event is about, if any.
    public var ticket: String? { json["ticket"]?.stringValue }
    /// The window the event happened at, if any.
    public var counter: String? { json["counter"]?.stringValue }
    /// On the live stream's calls (`call`, `recall`, `unpark`, `call_back`): the window's name,
    /// the ticket's service and its name, and an appointment's slot (`HH:MM`), so a hall screen
    /// draws the call from the event alone. Absent elsewhere (and from older daemons).
    public var counterName: String? { json["counter_name"]?.stringValue }
    public var service: String? { json["service"]?.stringValue }
    public var serviceName: String? { json["service_name"]?.stringValue }
    public var appointmentTime: String? { json["appointment_time"]?.stringValue }

    public init(from decoder: any Decoder) throws {
        json = try AnyJSON(from: decoder).value
    }

    public func encode(to encoder: any Encoder) throws {
        try AnyJSON(json).encode(to: encoder)
    }
}
