import KioskCore
import Logging
import ServiceLifecycle

/// Drives the timed rules (sessions, automatic recalls and no-shows, a paused window's
/// return) and the clock watch (`Hall.watchClock`, which also purges the previous days'
/// phone numbers once the day is trusted): a `.tick` every `interval`; only ticks that cause events touch the journal. Each
/// tick the hall answered pets systemd's watchdog, refused or not (a full disk is answered
/// with 503 and recovers by itself; a restart would only cut every stream): a hall stuck on
/// its actor or a journal write that never returns stops petting, and systemd restarts it.
struct TickService: Service {
    let hall: Hall
    let interval: Duration
    let logger: Logger
    var systemd: SystemdNotifier?

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            // The wall clock against the hall's first: a step is warned of before a tick acts.
            await hall.watchClock()
            do {
                _ = try await hall.execute(.tick)
            } catch is JournalUnavailable {
                // The hall has logged the fault (throttled); a tick a second must not repeat it.
            } catch {
                logger.warning("tick failed", metadata: ["error": "\(error)"])
            }
            systemd?.watchdog()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
