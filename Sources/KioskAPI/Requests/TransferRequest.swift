/// `POST /v1/windows/{id}/transfer`: send the window's ticket to another service's line.
public struct TransferRequest: APIRequestBody, CaseIterableKeys {
    /// The service letter of the new line.
    public var service: String

    public init(service: String) {
        self.service = service
    }

    public typealias Keys = CodingKeys
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case service
    }
}
