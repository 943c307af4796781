import Foundation
import KioskHTTPClient
import Testing

/// The transport's streaming mode against the Python fixture's chunked paths: the body is
/// read as the server writes it, and a transfer ends when the reader stops, when the
/// connection stays silent too long, or when the server ends it.
@Suite("CurlHTTPTransport streaming", .timeLimit(.minutes(1)))
final class CurlStreamingTests: FixtureServerSuite {
    @Test func chunksArriveInOrderAndTheBodyEnds() async throws {
        let response = try await transport.stream(HTTPRequest(url: server.url("/chunks/20?gap=0.01")))

        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
        var text = ""
        for try await chunk in response.body { text += String(decoding: chunk, as: UTF8.self) }
        #expect(text == (0..<20).map { "chunk \($0)\n" }.joined())
    }

    @Test func firstChunkIsReadWhileTheServerIsStillWriting() async throws {
        // The second chunk comes 30 s after the first: only a streaming read sees the first now.
        let response = try await transport.stream(HTTPRequest(url: server.url("/chunks/2?gap=30")))
        var chunks = response.body.makeAsyncIterator()
        let first = try await chunks.next()

        #expect(first.map { String(decoding: $0, as: UTF8.self) } == "chunk 0\n")
        response.cancel()
    }

    @Test func cancellingEndsTheTransferAndTheServerSeesTheClose() async throws {
        let response = try await transport.stream(HTTPRequest(url: server.url("/chunks/1?hold=40")))
        #expect(await server.nextLine() == "STREAMING")
        var chunks = response.body.makeAsyncIterator()
        _ = try await chunks.next()
        let cancelled = ContinuousClock.now

        response.cancel()

        let error = await #expect(throws: HTTPTransportError.self) { while try await chunks.next() != nil {} }
        #expect(error == .cancelled(requestMayHaveBeenSent: true))
        #expect(await server.nextLine() == "CLOSED")
        // Far inside the 40 s the server would have held the stream open.
        #expect(cancelled.duration(to: .now) < .seconds(5))
    }

    @Test func cancellingTheReadingTaskEndsTheTransfer() async throws {
        let response = try await transport.stream(HTTPRequest(url: server.url("/chunks/1?hold=40")))
        #expect(await server.nextLine() == "STREAMING")

        let reader = Task {
            var count = 0
            for try await _ in response.body { count += 1 }
            return count
        }
        reader.cancel()
        _ = await reader.result

        #expect(await server.nextLine() == "CLOSED")
    }

    @Test func silenceLongerThanTheReadTimeoutFailsAsTimeout() async throws {
        let started = ContinuousClock.now

        let response = try await transport.stream(HTTPRequest(url: server.url("/chunks/1?hold=40")), readTimeout: .seconds(1))
        var text = ""
        let error = await #expect(throws: HTTPTransportError.self) {
            for try await chunk in response.body { text += String(decoding: chunk, as: UTF8.self) }
        }

        #expect(text == "chunk 0\n")
        #expect(error == .timeout(requestMayHaveBeenSent: true))
        #expect(started.duration(to: .now) < .seconds(10))
    }

    /// Why `stream` gave no head for `path` on `server` (nil: it gave one).
    func headFailure(
        _ path: String, on server: FixtureServer? = nil, timeout: Double = 30, readTimeout: Duration? = nil
    ) async -> HTTPTransportError? {
        let server = server ?? self.server
        do {
            let response = try await transport.stream(HTTPRequest(url: server.url(path), timeout: timeout), readTimeout: readTimeout)
            response.cancel()
            return nil
        } catch {
            return error
        }
    }

    @Test func readTimeoutAlsoBoundsTheWaitForTheHead() async throws {
        #expect(await headFailure("/sleep/40", readTimeout: .seconds(1)) == .timeout(requestMayHaveBeenSent: true))
    }

    @Test func requestTimeoutBoundsTheWaitForTheHeadOnly() async throws {
        #expect(await headFailure("/sleep/40", timeout: 1) == .timeout(requestMayHaveBeenSent: true))

        // A body that outlasts the request's timeout is still read to its end.
        let response = try await transport.stream(HTTPRequest(url: server.url("/chunks/3?gap=1"), timeout: 1))
        var text = ""
        for try await chunk in response.body { text += String(decoding: chunk, as: UTF8.self) }
        #expect(text == "chunk 0\nchunk 1\nchunk 2\n")
    }

    @Test func steadyChunksKeepAStreamWithAReadTimeoutAlive() async throws {
        // 12 chunks 0.25 s apart: 2.75 s in all, never 1.5 s without a byte.
        let response = try await transport.stream(HTTPRequest(url: server.url("/chunks/12?gap=0.25")), readTimeout: .milliseconds(1500))
        var text = ""
        for try await chunk in response.body { text += String(decoding: chunk, as: UTF8.self) }

        #expect(text.split(separator: "\n").count == 12)
    }

    @Test func errorStatusIsReportedWithItsHeadersAndBody() async throws {
        let response = try await transport.stream(HTTPRequest(url: server.url("/status/503?retry_after=7")))

        #expect(response.status == 503)
        #expect(!response.isSuccess)
        #expect(response.headers["Retry-After"] == "7")
        var body = Data()
        for try await chunk in response.body { body += chunk }
        #expect(String(decoding: body, as: UTF8.self) == #"{"status": 503}"#)
    }

    @Test func closedPortFailsBeforeAnyHead() async throws {
        let closed = try await FixtureServer.start(.closedPort)
        defer { closed.stop() }
        let error = await headFailure("/chunks/1", on: closed)
        #expect(error?.caseName == "connectionRefused", "\(String(describing: error))")
    }
}
