import Synchronization

/// Where the gateway reaches this daemon for delivery reports (`http://host:port`), known
/// once the server listens when the port is picked at start-up, and the signer that makes each
/// report URL unforgeable.
public final class CallbackAddress: Sendable {
    private let value: Mutex<String?>
    /// Signs each message's report URL; nil: no reports are asked for (nothing could check them).
    public let signer: DeliveryReportSigner?

    public init(_ url: String? = nil, signer: DeliveryReportSigner? = nil) {
        value = Mutex(url.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
        self.signer = signer
    }

    public var url: String? { value.withLock { $0 } }

    /// Sets it unless the config fixed it already.
    public func setIfUnset(_ url: String) {
        value.withLock { if $0 == nil { $0 = url } }
    }

    /// The signed report URL for message `id` (`…/v1/sms/dlr?id=N&sig=HEX`), or nil when no
    /// reports can be taken (no address yet, or no key).
    public func reportURL(for id: Int64) -> String? {
        guard let base = url, let signer else { return nil }
        return "\(base)/v1/sms/dlr?id=\(id)&sig=\(signer.signature(for: id))"
    }
}
