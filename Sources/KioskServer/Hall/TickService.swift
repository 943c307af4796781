import KioskCore
import Logging
import ServiceLifecycle

/// Drives the timed rules (sessions, automatic recalls and no-shows, a paused window's
/// return): a `.tick` every `interval`; only ticks that cause events touch the journal.
struct TickService: Service {
    let hall: Hall
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                _ = try await hall.execute(.tick)
            } catch is JournalUnavailable {
                // The hall has logged the fault (throttled); a tick a second must not repeat it.
            } catch {
                logger.warning("tick failed", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
