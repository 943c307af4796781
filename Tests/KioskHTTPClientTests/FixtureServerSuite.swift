import KioskHTTPClient

/// A suite whose every test gets a fresh fixture server (Swift Testing makes one suite instance
/// per test) and a transport; the server is stopped when the instance goes.
class FixtureServerSuite {
    let transport = CurlHTTPTransport()
    let server: FixtureServer

    init() async throws {
        server = try await FixtureServer.start()
    }

    deinit {
        server.stop()
    }
}
