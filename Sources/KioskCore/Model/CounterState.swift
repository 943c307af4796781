import Foundation

/// A window's live state: whether it is staffed, what it is doing and whom it covers.
public struct CounterState: Sendable, Equatable {
    public enum Availability: Sendable, Equatable {
        case open
        /// Staff away; `until` is the clerk's "back at" (the timer resumes the window then).
        case paused(since: Date, until: Date?)
        case closed
    }

    public var id: CounterID
    public var availability: Availability
    /// The ticket called or being served here.
    public var current: TicketNumber?
    /// Windows whose services this one also serves (AB roles), in the order covers began.
    public var covering: [CounterID]
    /// Normal calls since the last priority call, for the per-window interleave scope.
    public var normalCallsSincePriority: Int
    /// The last ticket finished here today: the one a rating pad rates (好差评).
    public var lastFinished: TicketNumber?
    /// The case a reviewer's window has taken and not yet decided (即审).
    public var reviewing: TicketNumber? = nil

    public init(id: CounterID, availability: Availability = .open, normalCallsSincePriority: Int = 0) {
        self.id = id
        self.availability = availability
        self.current = nil
        self.covering = []
        self.normalCallsSincePriority = normalCallsSincePriority
        self.lastFinished = nil
    }

    public var isOpen: Bool { availability == .open }
}
