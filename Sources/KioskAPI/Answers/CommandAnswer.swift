/// What every command's answer has, whichever its route: the events it committed, and the
/// window after them when it was a window's command (`WindowCommandAnswer`) — absent for a
/// ticket's or a service's (`EventsAnswer`). For clients that send both kinds.
public struct CommandAnswer: Codable, Sendable, Equatable {
    public var events: [EventLine]
    public var window: WindowStatus?

    public init(events: [EventLine], window: WindowStatus? = nil) {
        self.events = events
        self.window = window
    }
}
