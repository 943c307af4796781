import NIOCore

/// First in the pipeline of a connection beyond the cap: answers `503` on the raw socket (the
/// HTTP codec behind it never sees a byte) and closes, so a flood of idle connections cannot
/// take the daemon's file descriptors, and a real client learns to come back.
final class OverCapacityHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    static let answer: String = {
        let body = #"{"error":{"code":"too_many_connections","message":"连接过多,请稍后重试 Too many open connections; try again"}}"#
        return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\n"
            + "Connection: close\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
    }()

    private var answered = false

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context)
        context.fireChannelActive()
    }

    /// Whatever the client sends is dropped unread.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    private func refuse(_ context: ChannelHandlerContext) {
        guard !answered else { return }
        answered = true
        let bytes = context.channel.allocator.buffer(string: Self.answer)
        context.writeAndFlush(NIOAny(bytes)).whenComplete { _ in context.close(promise: nil) }
    }
}
