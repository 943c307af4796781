import ServiceLifecycle

/// Ends the live streams first on graceful shutdown: an open event stream would otherwise
/// keep the HTTP server waiting for a request that never finishes.
struct StreamCloser: Service {
    let hall: Hall

    func run() async throws {
        try? await gracefulShutdown()
        hall.close()
    }
}
