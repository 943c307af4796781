import Foundation
import KioskCore
import KioskHTTPClient
import Logging

/// Builds the gateway a hall's `"sms"` section names.
public enum SMSGateways {
    /// - Parameters:
    ///   - dataDirectory: where the log outbox writes `sms-outbox.log` (nil: logger only).
    ///   - callback: our base URL for delivery reports.
    public static func make(
        _ settings: SMSSettings, transport: any HTTPTransport, dataDirectory: String?, callback: CallbackAddress,
        logger: Logger, clock: @escaping @Sendable () -> Date = Date.init
    ) -> any SMSGateway {
        switch settings.gateway {
        case .kannel:
            return KannelGateway(
                url: settings.url ?? "", username: settings.username ?? "", password: settings.password ?? "",
                sender: settings.sender, callback: callback, timeout: settings.timeoutSeconds, transport: transport, clock: clock
            )
        case .webhook:
            return WebhookGateway(
                url: settings.url ?? "", token: settings.token, sender: settings.sender, callback: callback,
                timeout: settings.timeoutSeconds, transport: transport, clock: clock
            )
        case .log:
            return LogGateway(path: dataDirectory.map { $0 + "/sms-outbox.log" }, logger: logger)
        }
    }
}
