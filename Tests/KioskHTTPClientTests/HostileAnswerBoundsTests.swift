import Foundation
import KioskHTTPClient
import Testing

/// The transport's bounds against answers no real server sends: a head of hundreds of
/// kilobytes, and a streamed body that arrives far faster than it is read.
@Suite("CurlHTTPTransport bounds", .timeLimit(.minutes(1)))
final class HostileAnswerBoundsTests: FixtureServerSuite {
    @Test func aHeadOverItsBoundFailsAsHeadTooLarge() async throws {
        // 200 fields of 1 KiB: past our 64 KiB bound, and below libcurl's own.
        await #expect(throws: HTTPTransportError.headTooLarge(limitBytes: 64 * 1024)) {
            _ = try await self.transport.send(HTTPRequest(url: self.server.url("/big-head/200")))
        }
        let stream = { try await self.transport.stream(HTTPRequest(url: self.server.url("/big-head/200"))) }
        await #expect(throws: HTTPTransportError.headTooLarge(limitBytes: 64 * 1024)) { _ = try await stream() }
        // A head of a few fields is fine.
        #expect(try await transport.send(HTTPRequest(url: server.url("/big-head/5"))).status == 200)
    }

    @Test func aStreamReadFarSlowerThanItArrivesEndsAsReaderFellBehind() async throws {
        // 64 MiB as fast as loopback takes it, and nobody reading: the transfer ends once 256
        // chunks wait unread (the server sees the connection close), never holding 64 MiB.
        let response = try await transport.stream(HTTPRequest(url: server.url("/flood/67108864")))
        #expect(await server.nextLine() == "CLOSED")
        var chunks = 0, bytes = 0
        do {
            for try await chunk in response.body {
                chunks += 1
                bytes += chunk.count
            }
            Issue.record("the body ended without an error after \(bytes) bytes")
        } catch let error as HTTPTransportError {
            #expect(error == .readerFellBehind(limitChunks: 256))
        }
        // What waited is still read, and no more than the bound.
        #expect(chunks > 0 && chunks <= 256)
        #expect(bytes < 67_108_864)
    }
}
