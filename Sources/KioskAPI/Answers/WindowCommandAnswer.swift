/// The answer to every `POST /v1/windows/{id}/…`: the events the command committed and the
/// window right after them (schema `WindowAnswer`).
public struct WindowCommandAnswer: Codable, Sendable, Equatable {
    public var events: [EventLine]
    public var window: WindowStatus

    public init(events: [EventLine], window: WindowStatus) {
        self.events = events
        self.window = window
    }
}
