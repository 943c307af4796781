/// The answer to `POST /v1/admin/clock/confirm`: the clock as it stands after the confirmation.
public struct ClockConfirmAnswer: Codable, Sendable, Equatable {
    public var clock: ClockHealth
    /// Hall time now, `YYYY-MM-DD HH:MM:SS` in the hall's zone.
    public var hallTime: String

    public init(clock: ClockHealth, hallTime: String) {
        self.clock = clock
        self.hallTime = hallTime
    }

    enum CodingKeys: String, CodingKey {
        case clock, hallTime = "hall_time"
    }
}
