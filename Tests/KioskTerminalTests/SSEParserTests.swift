import Testing
@testable import KioskTerminal

@Suite struct SSEParserTests {
    /// What the daemon sends: a retry hint, then `id:`/`event:`/`data:` per event.
    static let stream = "retry: 1000\n\nid: 41\nevent: hall\ndata: {\"seq\":41,\"ev\":\"issue\"}\n\n: keep-alive comment\nid: 42\nevent: hall\ndata: {\"seq\":42,\ndata:\"ev\":\"call\"}\n\n"

    @Test func parsesIdsTypesAndDataAndSkipsComments() {
        var parser = SSEParser()
        let events = parser.feed(Array(Self.stream.utf8))
        #expect(events == [
            ServerSentEvent(id: "41", type: "hall", data: "{\"seq\":41,\"ev\":\"issue\"}"),
            ServerSentEvent(id: "42", type: "hall", data: "{\"seq\":42,\n\"ev\":\"call\"}"),
        ])
        #expect(parser.lastEventID == "42")
        #expect(parser.retryMilliseconds == 1000)
    }

    @Test(arguments: 1...17)
    func givesTheSameEventsWhateverTheReadBoundaries(step: Int) {
        let bytes = Array(("id: 7\ndata: 请 A023 号 到 3 号窗口 办理\n\n" + Self.stream).utf8)
        var whole = SSEParser()
        let expected = whole.feed(bytes)
        var parser = SSEParser()
        var events: [ServerSentEvent] = []
        var index = 0
        while index < bytes.count {
            events += parser.feed(bytes[index..<min(bytes.count, index + step)])
            index += step
        }
        #expect(events == expected)
        #expect(events.count == 3)
        #expect(events[0].data == "请 A023 号 到 3 号窗口 办理")
    }

    @Test func acceptsCRLFAndCRLineEndingsEvenSplitBetweenReads() {
        var parser = SSEParser()
        var events = parser.feed(Array("data: a\r".utf8))
        events += parser.feed(Array("\ndata: b\r\r".utf8))
        events += parser.feed(Array("data: c\r\n\r\n".utf8))
        #expect(events.map(\.data) == ["a\nb", "c"])
    }

    @Test func keepsTheIdAcrossEventsAndDispatchesNothingWithoutData() {
        var parser = SSEParser(lastEventID: "5")
        let events = parser.feed(Array("event: hall\n\ndata\n\nid: 9\n\ndata: x\n\n".utf8))
        // `event:` alone dispatches nothing; a bare `data` line is an empty data line.
        #expect(events == [ServerSentEvent(id: "5", data: ""), ServerSentEvent(id: "9", data: "x")])
    }

    @Test func ignoresABadRetryAndAnIdWithNUL() {
        var parser = SSEParser()
        _ = parser.feed(Array("retry: soon\nid: a\u{0}b\ndata: x\n\n".utf8))
        #expect(parser.retryMilliseconds == nil)
        #expect(parser.lastEventID == nil)
    }
}

@Suite struct ChunkedDecoderTests {
    static func chunked(_ parts: [String]) -> [UInt8] {
        var out = ""
        for part in parts { out += String(part.utf8.count, radix: 16) + "\r\n" + part + "\r\n" }
        return Array((out + "0\r\n\r\n").utf8)
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64])
    func decodesWhateverTheReadBoundaries(step: Int) throws {
        let parts = ["retry: 1000\n\n", "id: 1\nevent: hall\ndata: {\"ev\":\"call\",\"counter\":\"3号窗口\"}\n\n", String(repeating: "x", count: 300)]
        let bytes = Self.chunked(parts)
        var decoder = ChunkedDecoder()
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            out += try decoder.feed(bytes[index..<min(bytes.count, index + step)])
            index += step
        }
        #expect(String(decoding: out, as: UTF8.self) == parts.joined())
        #expect(decoder.isFinished)
    }

    @Test func skipsExtensionsAndTrailers() throws {
        var decoder = ChunkedDecoder()
        let out = try decoder.feed(Array("4;name=value\r\nabcd\r\n0\r\nX-Trailer: 1\r\n\r\nignored".utf8))
        #expect(out == Array("abcd".utf8))
        #expect(decoder.isFinished)
    }

    @Test func rejectsASizeThatIsNotHex() {
        var decoder = ChunkedDecoder()
        #expect(throws: ChunkedDecoder.MalformedChunk.self) { try decoder.feed(Array("zz\r\n".utf8)) }
    }

    @Test func rejectsDataLongerThanItsSize() {
        var decoder = ChunkedDecoder()
        #expect(throws: ChunkedDecoder.MalformedChunk.self) { try decoder.feed(Array("2\r\nabc\r\n".utf8)) }
    }
}

@Suite struct HTTPResponseHeadTests {
    @Test func splitsTheHeadFromTheFirstBodyBytes() throws {
        let bytes = Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\nd\r\nretry: 1000\n\n\r\n".utf8)
        #expect(try HTTPResponseHead.split(Array(bytes.prefix(30))) == nil)
        let (head, rest) = try #require(try HTTPResponseHead.split(bytes))
        #expect(head.status == 200)
        #expect(head["content-type"] == "text/event-stream")
        #expect(head.isChunked)
        #expect(String(decoding: rest, as: UTF8.self) == "d\r\nretry: 1000\n\n\r\n")
    }

    @Test func rejectsAStatusLineThatIsNotHTTP() {
        #expect(throws: HTTPResponseHead.Malformed.self) { try HTTPResponseHead.split(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8)) }
    }

    @Test func parsesServerURLs() {
        #expect(ServerAddress(url: "http://127.0.0.1:8080") == ServerAddress(host: "127.0.0.1", port: 8080))
        #expect(ServerAddress(url: "http://hall.local/") == ServerAddress(host: "hall.local", port: 80))
        #expect(ServerAddress(url: "http://[::1]:9000/kiosk") == ServerAddress(host: "::1", port: 9000, basePath: "/kiosk"))
        #expect(ServerAddress(url: "https://x") == nil)
        #expect(ServerAddress(url: "http://x:0") == nil)
    }
}
