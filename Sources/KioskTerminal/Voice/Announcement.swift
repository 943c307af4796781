import KioskAPI

/// The words spoken when a ticket is called: "请 A023 号 到 3 号窗口 办理".
public struct Announcement: Sendable, Hashable {
    public var ticket: String
    /// The window's name as the hall shows it (e.g. `3号窗口`).
    public var counterName: String

    /// The sentence, with spaces around the numbers so a speech engine reads them as such:
    /// `3号窗口` is read as `3 号窗口`.
    public var text: String {
        "请 \(ticket) 号 到 \(Self.spaced(counterName)) 办理"
    }

    /// `3号窗口` → `3 号窗口`; other names unchanged.
    static func spaced(_ name: String) -> String {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < name.count else { return name }
        return "\(digits) \(name.dropFirst(digits.count))"
    }

}

extension Announcement {
    /// The announcement for `event` if it calls a ticket, the window named as the event names
    /// it, else as in `snapshot`.
    public init?(_ event: StreamedHallEvent, snapshot: HallSnapshot?) {
        guard event.isCall, let ticket = event.ticket, let counter = event.counter else { return nil }
        let name = event.counterName ?? snapshot?.windows.first { $0.id == counter }?.name
        self.init(ticket: ticket, counterName: name ?? "\(counter)号窗口")
    }

    /// Whether `event` is recent enough to be spoken now: on the snapshot's business date and
    /// at most `horizon` seconds before the snapshot's minute. Old calls replayed from the
    /// backlog when a screen starts are shown, not spoken.
    public static func isCurrent(_ event: StreamedHallEvent, snapshot: HallSnapshot?, horizon: Double = 120) -> Bool {
        guard let hall = snapshot?.hall else { return true }
        if let date = event.date, let today = hall.date, date != today { return false }
        guard let t = event.secondsOfDay else { return true }
        let clock = hall.clock
        let parts = clock.split(separator: ":").compactMap { Double($0) }
        guard parts.count >= 2 else { return true }
        return t >= parts[0] * 3600 + parts[1] * 60 - horizon
    }
}
