import Foundation

/// A hall that runs on the PC's wall clock, watched: its time advances on the monotonic clock
/// (`watch.clock`), a step of the wall clock raises the clock warning, and a new business day
/// purges the previous days' phone numbers only after `trustPeriod` of monotonic time without
/// a warning, or a supervisor's confirmation.
public struct ClockTrust: Sendable {
    public var watch: ClockWatch
    /// The monotonic clock the trust period is counted on (tests pass their own).
    public var monotonic: @Sendable () -> ContinuousClock.Instant
    public var trustPeriod: Duration

    /// Two hours: a wrong date at boot has been put right by NTP or noticed by then.
    public static let defaultTrustPeriod: Duration = .seconds(2 * 3600)

    public init(
        watch: ClockWatch, monotonic: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        trustPeriod: Duration = ClockTrust.defaultTrustPeriod
    ) {
        self.watch = watch
        self.monotonic = monotonic
        self.trustPeriod = trustPeriod
    }

    /// The watched wall clock `wall`, its time carried on by `monotonic`.
    public static func watching(
        _ wall: @escaping @Sendable () -> Date, monotonic: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        tolerance: TimeInterval = ClockWatch.defaultTolerance, trustPeriod: Duration = ClockTrust.defaultTrustPeriod
    ) -> ClockTrust {
        ClockTrust(watch: ClockWatch(clock: SteadyClock(wall: wall, monotonic: monotonic), tolerance: tolerance), monotonic: monotonic, trustPeriod: trustPeriod)
    }
}
