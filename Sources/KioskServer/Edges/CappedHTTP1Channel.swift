import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// Hummingbird's HTTP/1 child channel with a cap on open connections: each connection is
/// counted from accept to close, and one beyond the cap is answered 503 and closed at once
/// (`OverCapacityHandler`). Hummingbird's own `MaximumAvailableConnections` stops accepting
/// instead, which leaves clients hanging in the kernel's backlog with no answer.
struct CappedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let gauge: ConnectionGauge
    let metrics: ServerMetrics

    /// The kernel's send buffer per connection, in bytes. Linux grows it up to megabytes on its
    /// own; bounded, a client that stops reading is noticed (its writes wait, its event stream
    /// falls behind and is cut off) after kilobytes, not megabytes, of memory.
    static let sendBuffer = 64 * 1024

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let within = gauge.opened()
        let gauge = self.gauge, metrics = self.metrics
        metrics.connectionOpened()
        channel.closeFuture.whenComplete { _ in
            gauge.closed()
            metrics.connectionClosed()
        }
        guard within else {
            metrics.recordRefused("connection_cap")
            return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
                try channel.pipeline.syncOperations.addHandler(OverCapacityHandler(), position: .first)
                return value
            }
        }
        return channel.setOption(ChannelOptions.socketOption(.so_sndbuf), value: SocketOptionValue(Self.sendBuffer))
            .flatMap { inner.setup(channel: channel, logger: logger) }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with `configuration`, at most `gauge.cap` connections open at once.
    static func cappedHTTP1(configuration: HTTP1Channel.Configuration, gauge: ConnectionGauge, metrics: ServerMetrics) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            CappedHTTP1Channel(inner: HTTP1Channel(responder: responder, configuration: configuration), gauge: gauge, metrics: metrics)
        }
    }
}
