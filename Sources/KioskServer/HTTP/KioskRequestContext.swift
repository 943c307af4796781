import Hummingbird
import NIOCore

/// Hummingbird's basic context plus the caller's address: the console slows wrong passwords
/// per client address, which `BasicRequestContext` does not carry.
public struct KioskRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer (on the hall LAN: the PC itself, no proxy in between).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address as text (`192.168.1.20`), or `unknown`.
    public var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
