import HTTPTypes
@testable import KioskServer
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Synchronization
import Testing

/// The body deadline step by step on NIO's embedded event loop (a manual clock).
@Suite struct RequestReadDeadlineTests {
    func channel(timedOut: Collected<Int>) throws -> (EmbeddedChannel, EmbeddedEventLoop) {
        let loop = EmbeddedEventLoop()
        let channel = EmbeddedChannel(handler: RequestReadDeadlineHandler(timeout: .seconds(10)) { timedOut.append(1) }, loop: loop)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return (channel, loop)
    }

    let head = HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: "x", path: "/v1/tickets"))

    @Test func aBodyTrickledPastTheDeadlineClosesTheConnection() throws {
        let timedOut = Collected<Int>()
        let (channel, loop) = try channel(timedOut: timedOut)
        try channel.writeInbound(head)
        for _ in 0..<4 {
            loop.advanceTime(by: .seconds(2))
            try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "x")))
            #expect(channel.isActive)
        }
        loop.advanceTime(by: .milliseconds(1999))
        #expect(channel.isActive)
        loop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
        #expect(timedOut.all.count == 1)
    }

    @Test func aCompleteRequestStopsTheClockUntilTheNextOne() throws {
        let timedOut = Collected<Int>()
        let (channel, loop) = try channel(timedOut: timedOut)
        try channel.writeInbound(head)
        loop.advanceTime(by: .seconds(9))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        // Answering (an event stream) may take as long as it likes.
        loop.advanceTime(by: .seconds(3600))
        #expect(channel.isActive)
        try channel.writeInbound(head)
        loop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
        #expect(timedOut.all.count == 1)
    }
}
