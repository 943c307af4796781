import KioskAPI

/// The hall as a screen draws it: the last snapshot read (`GET /v1/hall`, at most about once
/// a second) with the calls streamed since drawn on top, straight from their events. So a call
/// shows as soon as its event arrives, whether or not the hall can be read just then, and the
/// next snapshot that reflects it takes over. Pure: events and snapshots in, a snapshot out.
public struct ScreenHall: Sendable, Equatable {
    /// The last snapshot read; nil before the first.
    public private(set) var snapshot: HallSnapshot?
    /// The newest event the snapshot reflects: its `seq`, or from an older daemon that does not
    /// send one, the newest event seen before it was asked for.
    public private(set) var snapshotThrough: Int64?
    /// Calls (and new days) newer than the snapshot, oldest first.
    public private(set) var streamed: [StreamedHallEvent] = []

    /// Calls kept on top of the snapshot: more than any screen lists (the daemon keeps 20).
    public static let callsKept = 20
    /// Events kept waiting for a snapshot that reflects them.
    static let streamedKept = 64

    public init() {}

    /// Takes a streamed event: a call (or a new day) newer than the snapshot is drawn on top of it.
    public mutating func take(_ event: StreamedHallEvent) {
        guard event.isCall || event.kind == "day" else { return }
        if let seq = event.seq, let through = snapshotThrough, seq <= through { return }
        streamed.append(event)
        if streamed.count > Self.streamedKept { streamed.removeFirst(streamed.count - Self.streamedKept) }
    }

    /// Takes a snapshot that reflects the events up to `through`; the streamed calls it
    /// reflects are dropped. (Snapshots are read one at a time, so each is the newest; one
    /// with a lower `through` comes from a journal restored from a backup, and is the truth.)
    public mutating func take(_ snapshot: HallSnapshot, through: Int64?) {
        self.snapshot = snapshot
        snapshotThrough = through
        if let through { streamed.removeAll { ($0.seq ?? .max) <= through } }
    }

    /// The snapshot with the streamed calls on top; nil while there is neither.
    public var drawn: HallSnapshot? {
        guard snapshot != nil || !streamed.isEmpty else { return nil }
        var hall = snapshot ?? HallSnapshot(hall: .init(name: "", date: nil, clock: "--:--", issuing: false))
        for event in streamed { Self.apply(event, to: &hall) }
        return hall
    }

    /// One call: first in the list of calls, and the window's ticket, called.
    static func apply(_ event: StreamedHallEvent, to hall: inout HallSnapshot) {
        if event.kind == "day" {
            hall.calls = []
            return
        }
        guard let ticket = event.ticket, let counter = event.counter else { return }
        let window = hall.windows.firstIndex { $0.id == counter }
        let counterName = event.counterName ?? window.map { hall.windows[$0].name } ?? ""
        hall.calls.removeAll { $0.ticket == ticket }
        hall.calls.insert(.init(ticket: ticket, counter: counter, counterName: counterName, at: clock(event.secondsOfDay), appointmentTime: event.appointmentTime), at: 0)
        if hall.calls.count > callsKept { hall.calls.removeLast(hall.calls.count - callsKept) }
        guard let window else { return }
        let service = event.service ?? ticket.first.map(String.init) ?? ""
        var current = TicketStatus(
            ticket: ticket, service: service,
            serviceName: event.serviceName ?? hall.services.first { $0.code == service }?.name ?? service,
            state: "called", issuedAt: "", counter: counter, counterName: counterName
        )
        current.appointmentTime = event.appointmentTime
        hall.windows[window].current = current
    }

    /// `HH:MM:SS` of seconds since the hall's midnight (`--:--:--` when the event has none).
    static func clock(_ secondsOfDay: Double?) -> String {
        guard let secondsOfDay, secondsOfDay.isFinite, secondsOfDay >= 0, secondsOfDay < 172_800 else { return "--:--:--" }
        let s = Int(secondsOfDay)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }
}
