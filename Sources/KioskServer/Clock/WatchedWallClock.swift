import Foundation

/// How the daemon watches the PC's wall clock (`KioskDaemon.Options.watchedWallClock`).
public struct WatchedWallClock: Sendable {
    /// The monotonic clock hall time advances on (tests pass their own).
    public var monotonic: @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    /// A step larger than this raises the clock warning, seconds.
    public var tolerance: TimeInterval = ClockWatch.defaultTolerance
    /// How long a new day runs without a warning before the previous days' numbers are purged.
    public var trustPeriod: Duration = ClockTrust.defaultTrustPeriod

    public init() {}
}
