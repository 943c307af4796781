import Foundation
import KioskCore
import Logging

extension KioskDaemon.Options {
    /// A benchmark's daemon (`kiosk bench-public-reads`, `kiosk display --bench`): the embedded
    /// hall with fresh tokens in `dataDirectory`, any free port, no signal handlers (the bench
    /// stops it), only critical logs, and the hall clock running in real time from Monday
    /// 2026-03-02 09:00, with the whole morning session ahead.
    public static func bench(dataDirectory: String, label: String) -> Self {
        let config = HallConfig.defaultHall
        var options = Self(config: config, tokens: AccessTokens.generate(for: config), dataDirectory: dataDirectory)
        options.port = 0
        options.gracefulShutdownSignals = []
        var logger = Logger(label: label)
        logger.logLevel = .critical
        options.logger = logger
        let calendar = QueueEngine(config: config).calendar
        let clock = AcceleratedClock(start: calendar.instant(on: BusinessDate(year: 2026, month: 3, day: 2), at: ClockTime(hour: 9, minute: 0)), realStart: Date())
        options.clock = { clock.hallTime(at: Date()) }
        return options
    }
}
