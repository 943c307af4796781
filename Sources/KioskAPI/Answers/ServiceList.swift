/// The answer to `GET /v1/services`.
public struct ServiceList: Codable, Sendable, Equatable {
    public var services: [ServiceStatus]

    public init(services: [ServiceStatus]) {
        self.services = services
    }
}
