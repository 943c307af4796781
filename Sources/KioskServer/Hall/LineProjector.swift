import Foundation
import ServiceLifecycle

/// Keeps the hall's shared projection (`PublishedHall.currentEstimates`) current, outside the
/// hall actor: it re-projects the line once a commit has changed it, and at least every
/// `maxAge` (time passing moves estimates too: a long service, a break). Projections follow
/// each other no closer than `spacing`, nor closer than four times the last one's duration,
/// so a burst of commits costs a few projections a second rather than one each, and the
/// projector takes at most a fifth of a core whatever the line's length. (A new ticket's
/// estimate allows for the tickets issued since the projection: `Hall.sharedNewcomerEstimate`.)
struct LineProjector: Service {
    /// The oldest the estimates readers see should be, in seconds (plus one projection's time).
    static let maxAge: TimeInterval = 1

    let hall: Hall
    var spacing: Duration = .milliseconds(250)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let started = ContinuousClock.now
            await hall.published.refreshedEstimates(at: hall.now(), maxAge: Self.maxAge)
            let took = ContinuousClock.now - started
            let period = max(spacing, took * 4)
            hall.published.projectorPeriod.withLock { $0 = period }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
            } catch {
                return
            }
        }
    }
}
