import Foundation
import KioskCore
import Logging

extension KioskDaemon.Options {
    /// `kiosk serve`'s daemon: tokens from `tokenFile`, listening on `host:port`, telling systemd
    /// when it is ready. With `hallClock` (`--start-at`) the hall runs on it and carries on from
    /// the journal when restarted with the same start, never backwards; without, on the PC's
    /// clock, watched (a step warns, purges wait until the date is trusted).
    public static func serve(
        config: HallConfig, tokens: AccessTokens, tokenFile: String, dataDirectory: String,
        host: String, port: Int, logger: Logger, hallClock: AcceleratedClock?
    ) -> Self {
        var options = Self(config: config, tokens: tokens, dataDirectory: dataDirectory)
        (options.tokenFile, options.host, options.port, options.logger) = (tokenFile, host, port, logger)
        options.systemd = SystemdNotifier()
        if let hallClock {
            options.runs(on: hallClock)
        } else {
            options.watchedWallClock = WatchedWallClock()
        }
        return options
    }

    /// `kiosk demo`'s daemon: the hall on `hallClock`, its tokens, and ticks ten times a second
    /// so that an accelerated hall's timers fall due on time.
    public static func demo(config: HallConfig, tokens: AccessTokens, dataDirectory: String, port: Int, logger: Logger, hallClock: AcceleratedClock) -> Self {
        var options = Self(config: config, tokens: tokens, dataDirectory: dataDirectory)
        (options.port, options.logger) = (port, logger)
        options.runs(on: hallClock)
        options.tickInterval = .milliseconds(100)
        return options
    }

    /// The hall on an accelerated clock; restarted on the same journal it carries on from it.
    mutating func runs(on hallClock: AcceleratedClock) {
        clock = { hallClock.hallTime(at: Date()) }
        continueFromJournal = true
    }

    /// Where a client on this machine connects to reach the daemon: a daemon listening on every
    /// address (0.0.0.0, ::) is reached on the loopback.
    public var connectHost: String {
        host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
    }
}
