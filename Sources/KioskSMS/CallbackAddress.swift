import Synchronization

/// Where the gateway reaches this daemon for delivery reports (`http://host:port`), known
/// once the server listens when the port is picked at start-up.
public final class CallbackAddress: Sendable {
    private let value: Mutex<String?>

    public init(_ url: String? = nil) {
        value = Mutex(url.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
    }

    public var url: String? { value.withLock { $0 } }

    /// Sets it unless the config fixed it already.
    public func setIfUnset(_ url: String) {
        value.withLock { if $0 == nil { $0 = url } }
    }
}
