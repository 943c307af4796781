import Foundation
import KioskCore
import KioskHTTPClient
import KioskTerminal
import KioskTestSupport
import Testing

/// What hall screens cost the daemon, counted (never timed): the hall actor hands each commit
/// to the live streams once, whatever the number of screens following it, and screens reading
/// the same hall share one rendering of `GET /v1/hall`.
@Suite(.timeLimit(.minutes(2)))
struct ScreensLoadTests {
    @Test func eightScreensCostTheHallActorWhatOneDoes() async throws {
        // Each count on a daemon of its own: a stream a client closed stays subscribed until
        // the daemon's next write to it fails.
        let one = try await Self.threeCalls(screens: 1)
        let eight = try await Self.threeCalls(screens: 8)
        #expect(one.handOffs == 3, "the hall actor hands each commit over once")
        #expect(eight.handOffs == one.handOffs, "eight screens: still once per commit")
        #expect(one.deliveries == 3)
        #expect(eight.deliveries == 24, "each screen got each call, outside the actor")
    }

    /// Three calls (three commands, so three commits) with `screens` streams open: how many
    /// hand-overs the hall actor made, and how many events the subscribers were given.
    static func threeCalls(screens: Int) async throws -> (handOffs: Int, deliveries: Int) {
        try await TestDaemon.with { daemon in
            // A line at each of windows 1 to 3 (1 and 2 call A, 3 C).
            for service in ["A", "A", "C"] { #expect(try await daemon.client.take(service).status == 201) }
            let api = daemon.client
            func counter(_ name: String) async throws -> Int {
                try await Self.counter(name, in: api.get("/metrics").text)
            }
            let windows = ["1", "2", "3"]
            do {
                var streams: [EventStreamConnection] = []
                for _ in 0..<screens { streams.append(try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display)) }
                defer { for stream in streams { stream.close() } }
                let before = try daemon.journal.lastSeq()
                for stream in streams { try await stream.read(throughID: before) }
                let handOffs = try await counter(#"kiosk_stream_handoffs_total{kind="events"}"#)
                let deliveries = try await counter(#"kiosk_stream_deliveries_total{kind="events"}"#)
                for window in windows { #expect(try await api.window(window, "call").status == 200) }
                let after = try daemon.journal.lastSeq()
                #expect(after == before + Int64(windows.count))
                for stream in streams { try await stream.read(throughID: after) }
                // The counters move right after the events are handed over: wait for them to settle.
                let expected = (windows.count, windows.count * screens)
                var seen = (0, 0)
                _ = try await eventually(within: 5) {
                    seen = (try await counter(#"kiosk_stream_handoffs_total{kind="events"}"#) - handOffs,
                            try await counter(#"kiosk_stream_deliveries_total{kind="events"}"#) - deliveries)
                    return seen == expected
                }
                return seen
            }
        }
    }

    @Test func screensReadingTheSameHallShareOneRendering() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            #expect(try await api.take("A").status == 201)
            #expect(try await api.window("1", "call").status == 200)
            let last = try daemon.journal.lastSeq()
            // The hall's clock stands still in this test, so once the shared projection is of
            // the last commit it stays: every read below sees the same snapshot and projection.
            try await eventually("the projection of the last commit") { daemon.hall.published.currentEstimates.seq == last }
            let reads = try await Self.counter("kiosk_hall_reads_total", in: api.get("/metrics").text)
            let renders = try await Self.counter("kiosk_hall_renders_total", in: api.get("/metrics").text)
            var answers: [String] = []
            for _ in 0..<8 {
                let hall = try await api.get("/v1/hall", as: .display)
                #expect(hall.status == 200)
                answers.append(hall.text)
            }
            let metrics = try await api.get("/metrics").text
            #expect(try Self.counter("kiosk_hall_reads_total", in: metrics) - reads == 8)
            #expect(try Self.counter("kiosk_hall_renders_total", in: metrics) - renders == 1, "one rendering for eight screens")
            #expect(Set(answers).count == 1)
            let hall = try JSONParser.parse(answers[0]).value
            #expect(hall["seq"]?.intValue.map(Int64.init) == last)
            #expect(hall["calls"]?.arrayValue?.first?["ticket"] == "A001")

            // A new commit is never answered from the old rendering.
            #expect(try await api.take("A").status == 201)
            #expect(try await api.window("2", "call").status == 200)
            let next = try JSONParser.parse(try await api.get("/v1/hall", as: .display).text).value
            #expect(next["seq"]?.intValue.map(Int64.init) == (try daemon.journal.lastSeq()))
            #expect(next["calls"]?.arrayValue?.first?["ticket"] == "A002")
        }
    }

    @Test func aCallOnTheStreamCarriesWhatTheScreenDraws() async throws {
        try await TestDaemon.with { daemon in
            let api = daemon.client
            #expect(try await api.take("B").status == 201)
            let stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display)
            defer { stream.close() }
            #expect(try await api.window("2", "call").status == 200)
            #expect(try await api.window("2", "recall").status == 200)
            try await stream.read(throughID: try daemon.journal.lastSeq())
            let lines = stream.events.compactMap { try? JSONParser.parse($0.data).value }
            let calls = lines.filter { ["call", "recall"].contains($0["ev"]?.stringValue ?? "") }
            #expect(calls.count == 2)
            let windowName = try #require(daemon.config.counter("2")?.name)
            let serviceName = try #require(daemon.config.service("B")?.name)
            for call in calls {
                #expect(call["ticket"] == "B001")
                #expect(call["counter_name"]?.stringValue == windowName)
                #expect(call["service"] == "B")
                #expect(call["service_name"]?.stringValue == serviceName)
                #expect(call["appointment_time"] == nil, "a walk-in has no slot")
            }
            // Other events carry only their trace line.
            let issue = try #require(lines.first { $0["ev"] == "issue" })
            #expect(issue["counter_name"] == nil && issue["service_name"] == nil)
        }
    }

    @Test func aDaysBacklogComesInAFewLargeChunks() async throws {
        try await TestDaemon.with { daemon in
            // A screen starting late in a busy day is sent the whole day first. One write per
            // event made thousands of small chunks, and a busy screen that fell 256 chunks behind
            // dropped the stream and started again (each time one second later).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in 0..<8 {
                    group.addTask { for _ in 0..<50 { _ = try await daemon.client.take(["A", "B", "C", "D"][k % 4], as: .supervisor, override: true) } }
                }
                try await group.waitForAll()
            }
            let last = try daemon.journal.lastSeq()
            #expect(last > 400)
            let transport = CurlHTTPTransport(configuration: .init(maximumConcurrentRequests: 1))
            defer { transport.shutdown() }
            let response = try await transport.stream(HTTPRequest(
                url: "http://127.0.0.1:\(daemon.port)/v1/events", headers: ["Authorization": "Bearer \(daemon.tokens.display)"], timeout: 10
            ))
            defer { response.cancel() }
            var parser = SSEParser(), chunks = 0, events = 0
            for try await chunk in response.body {
                chunks += 1
                events += parser.feed(chunk).count
                if events >= last { break }
            }
            #expect(events == last)
            #expect(chunks <= 40, "\(events) events in \(chunks) chunks")
        }
    }

    /// The value of the sample named exactly `name` (with its labels) in Prometheus text; 0
    /// when the family has no such sample yet.
    static func counter(_ name: String, in metrics: String) throws -> Int {
        for line in metrics.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Int(Double(line.dropFirst(name.count + 1)) ?? -1)
        }
        return 0
    }
}
