import Foundation
import KioskCore
import KioskServer
import KioskSMS
import KioskTestSupport

extension KioskDaemon.Options {
    /// The shared test daemon's options with SMS retried and polled fast, and heads-ups
    /// checked every `headsUpInterval`.
    static func forSMSTests(
        config: HallConfig, dataDirectory: String, clock: @escaping @Sendable () -> Date,
        headsUpInterval: Duration = .seconds(3600)
    ) -> Self {
        var options = Self.forTests(config: config, dataDirectory: dataDirectory, clock: clock)
        options.fastSMS(headsUpInterval: headsUpInterval)
        return options
    }

    /// SMS retried and polled fast, heads-ups checked every `headsUpInterval`, quiet logs.
    mutating func fastSMS(headsUpInterval: Duration = .seconds(3600)) {
        logger.logLevel = .critical
        smsRetry = RetryPolicy(base: 0.05, cap: 0.4, maxRetryAfter: 2, maxAttempts: 20)
        smsPollInterval = .milliseconds(20)
        self.headsUpInterval = headsUpInterval
    }
}
