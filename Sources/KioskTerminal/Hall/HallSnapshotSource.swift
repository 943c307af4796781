import KioskAPI
import KioskHTTPClient

/// Where the screen gets the hall's current state (`GET /v1/hall`).
public protocol HallSnapshotSource: Sendable {
    /// The snapshot now; throws when the daemon cannot be asked or its answer is not a snapshot.
    func snapshot() async throws -> HallSnapshot
}

/// The live source: `GET /v1/hall` over our libcurl transport with the display token.
public struct HTTPHallSnapshotSource: HallSnapshotSource {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let transport: CurlHTTPTransport
    private let url: String
    private let token: String?

    public init(transport: CurlHTTPTransport, address: ServerAddress, token: String?) {
        self.transport = transport
        self.url = address.description + "/v1/hall"
        self.token = token
    }

    public func snapshot() async throws -> HallSnapshot {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if let token { headers.set(name: "Authorization", value: "Bearer \(token)") }
        let response = try await transport.send(HTTPRequest(url: url, headers: headers, connectTimeout: 2, timeout: 3))
        guard response.isSuccess else { throw Failure(description: "GET /v1/hall: HTTP \(response.status)") }
        // An answer that is not the API's hall (a server gone wrong, or posing as the daemon)
        // throws: it counts as no answer, and the screen keeps the last good one, reconnecting.
        return try APICoding.decode(HallSnapshot.self, from: response.body)
    }
}
