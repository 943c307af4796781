/// A wall-clock time of day in the hall, to the minute (`08:30`).
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since local midnight, 0 ..< 1440.
    public var minutes: Int

    public init(minutes: Int) {
        self.minutes = minutes
    }

    public init(hour: Int, minute: Int) {
        self.minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (24-hour, two digits each); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// Seconds since local midnight.
    public var seconds: Double { Double(minutes * 60) }

    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
}

/// A span of the day, `[start, end)`, such as a session when the kiosk issues tickets.
public struct TimeSpan: Sendable, Hashable, CustomStringConvertible {
    public var start: ClockTime
    public var end: ClockTime

    public init(_ start: ClockTime, _ end: ClockTime) {
        self.start = start
        self.end = end
    }

    /// True when `seconds` since midnight fall in the span.
    public func contains(secondsOfDay seconds: Double) -> Bool {
        seconds >= start.seconds && seconds < end.seconds
    }

    public var description: String { "\(start)–\(end)" }
}
