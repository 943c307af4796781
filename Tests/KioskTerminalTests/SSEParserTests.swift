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

@Suite struct ServerAddressTests {
    @Test func parsesServerURLs() {
        #expect(ServerAddress(url: "http://127.0.0.1:8080") == ServerAddress(host: "127.0.0.1", port: 8080))
        #expect(ServerAddress(url: "http://hall.local/") == ServerAddress(host: "hall.local", port: 80))
        #expect(ServerAddress(url: "http://[::1]:9000/kiosk") == ServerAddress(host: "::1", port: 9000, basePath: "/kiosk"))
        #expect(ServerAddress(url: "https://x") == nil)
        #expect(ServerAddress(url: "http://x:0") == nil)
    }
}
