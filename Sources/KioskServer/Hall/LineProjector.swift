import Foundation
import ServiceLifecycle

/// Keeps the hall's shared projection (`PublishedHall.currentEstimates`) current, outside the
/// hall actor: it re-projects the line once a commit has changed it, and at least every
/// `maxAge` (time passing moves estimates too: a long service, a break). Projections follow
/// each other no closer than `spacing`, or twice the last one's duration, so a burst of
/// commits costs a few projections rather than one each, and the projector never takes more
/// than about a third of a core.
struct LineProjector: Service {
    /// The oldest the estimates readers see may be, in seconds (plus one projection's time).
    static let maxAge: TimeInterval = 1

    let hall: Hall
    var spacing: Duration = .milliseconds(50)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let started = ContinuousClock.now
            hall.published.refreshEstimates(at: hall.now(), maxAge: Self.maxAge)
            let took = ContinuousClock.now - started
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: max(spacing, took * 2)) }
            } catch {
                return
            }
        }
    }
}
