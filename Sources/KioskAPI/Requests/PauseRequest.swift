/// `POST /v1/windows/{id}/pause`: 暂停服务, optionally saying when the window is back.
public struct PauseRequest: APIRequestBody, CaseIterableKeys {
    /// Back at `HH:MM`, hall time, today.
    public var until: String?

    public init(until: String? = nil) {
        self.until = until
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case until
    }
}
