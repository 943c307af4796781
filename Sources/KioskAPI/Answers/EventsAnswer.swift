/// The answer to a command that is not a window's (cancel, reactivate, a service's close and
/// reopen): the events it committed.
public struct EventsAnswer: Codable, Sendable, Equatable {
    public var events: [EventLine]

    public init(events: [EventLine]) {
        self.events = events
    }
}
