import Logging
import ServiceLifecycle

/// Says in the log when a graceful shutdown begins (SIGTERM, SIGINT, `systemctl stop`), so
/// the gap before the daemon's last line — streams ending, requests in flight finishing, the
/// journal writer committing the rest — reads as a drain, not a hang.
struct ShutdownNotice: Service {
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.notice("shutting down: finishing requests in flight, then the journal")
    }
}
