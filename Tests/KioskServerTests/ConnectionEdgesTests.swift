import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's edges against clients that misbehave on purpose, over real sockets: 1,000
/// connections that never finish a request while clerks keep calling, more connections than the
/// cap, a quiet event stream, and a screen that stops reading.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ConnectionEdgesTests {
    /// Lets this process hold a few thousand sockets (both ends live here with an in-process
    /// daemon) when a service manager's soft limit of 1,024 applies.
    static func raiseOpenFileLimit(to wanted: Int) -> Bool {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        if limit.rlim_cur < rlim_t(wanted) {
            limit.rlim_cur = min(rlim_t(wanted), limit.rlim_max)
            _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
        return limit.rlim_cur >= rlim_t(wanted)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func figures(_ latencies: [Double]) -> String {
        let s = latencies.sorted()
        return String(format: "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", s.count, percentile(s, 0.5) * 1000, percentile(s, 0.99) * 1000, (s.last ?? .nan) * 1000)
    }

    /// Clerks at 8 windows call and finish, one after another, for `seconds` (or until `stop`);
    /// returns each request's latency in seconds and how many were not 200.
    static func clerksWork(_ d: TestDaemon, until stop: @escaping @Sendable () -> Bool) async throws -> (latencies: [Double], failures: Int) {
        var latencies: [Double] = []
        var failures = 0
        var round = 0
        while !stop() {
            let window = d.config.counters[round % d.config.counters.count].id
            round += 1
            for action in ["call", "finish"] {
                let started = ContinuousClock.now
                let answer = try await d.client.window(window, action)
                let elapsed = ContinuousClock.now - started
                latencies.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                // finish after a call that found nobody is a 409: only errors of the edges count.
                if answer.status >= 500 || answer.status == 408 || answer.status == 503 { failures += 1 }
                if action == "call" && answer.status != 200 { break }
            }
        }
        return (latencies, failures)
    }

    @Test func aThousandHalfOpenConnectionsAreClosedWithinTheReadTimeoutWhileClerksKeepCalling() async throws {
        try #require(Self.raiseOpenFileLimit(to: 4000), "needs 4,000 open files for both ends of 1,000 connections")
        try await TestDaemon.with { d in
            let timeout = d.config.limits.readTimeoutSeconds
            #expect(timeout <= 10)
            // Work for the clerks: tickets at every service the windows serve.
            for i in 0..<240 {
                let answer = try await d.client.take(["A", "B", "C", "D", "E", "F", "J", "K"][i % 8], as: .supervisor, override: true)
                #expect(answer.status == 201, "\(answer.text)")
            }
            let baselineEnd = ContinuousClock.now + .seconds(2)
            let baseline = try await Self.clerksWork(d) { ContinuousClock.now >= baselineEnd }

            // The attack: 400 say nothing, 400 send half a request line and headers, 200 send
            // headers and trickle a body byte every 2 s (which restarts an idle timer each time).
            let opened = ContinuousClock.now
            var silent: [RawSocket] = [], partial: [RawSocket] = [], trickling: [RawSocket] = []
            for _ in 0..<400 { silent.append(try RawSocket(port: d.port)) }
            for _ in 0..<400 {
                let socket = try RawSocket(port: d.port)
                try socket.send("GET /v1/hall HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x")
                partial.append(socket)
            }
            for _ in 0..<200 {
                let socket = try RawSocket(port: d.port)
                try socket.send("POST /v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"s")
                trickling.append(socket)
            }
            let all = silent + partial + trickling
            let sent = ContinuousClock.now
            #expect(await eventually(within: 10) { d.daemon.connections.count >= 1000 })
            let atPeak = d.daemon.connections.count

            // Clerks keep calling while the sockets wait to be closed; the tricklers send a body
            // byte every 2 s meanwhile.
            let allClosed = Atomic<Bool>(false)
            async let during = Self.clerksWork(d) { allClosed.load(ordering: .relaxed) }
            var closed = [ContinuousClock.Instant?](repeating: nil, count: all.count)
            var nextTrickle = ContinuousClock.now + .seconds(2)
            let deadline = sent + .milliseconds(Int((timeout + 5) * 1000))
            while closed.contains(where: { $0 == nil }) && ContinuousClock.now < deadline {
                RawSocket.noteClosed(all, into: &closed)
                if ContinuousClock.now >= nextTrickle {
                    nextTrickle = ContinuousClock.now + .seconds(2)
                    for socket in trickling where !socket.closedByPeer { try? socket.send("x") }
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            allClosed.store(true, ordering: .relaxed)
            let clerks = try await during

            let stillOpen = closed.filter { $0 == nil }.count
            #expect(stillOpen == 0, "\(stillOpen) of 1,000 connections still open \(timeout + 5) s after they went quiet")
            func since(_ start: ContinuousClock.Instant, _ at: ContinuousClock.Instant) -> Double {
                let d = at - start
                return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            }
            let seconds = closed.compactMap { $0 }.map { since(sent, $0) }.sorted()
            // Closed by the timeout, not by accident: none before it (counted from the first
            // connection), all soon after it (counted from the last byte sent).
            let earliest = closed.compactMap { $0 }.map { since(opened, $0) }.min() ?? 0
            #expect(earliest >= timeout - 0.5, "a connection closed \(earliest) s after the first opened")
            #expect((seconds.last ?? .infinity) <= timeout + 4, "last closed \(seconds.last ?? .infinity) s after the attack began")
            #expect(clerks.failures == 0 && baseline.failures == 0)
            #expect(clerks.latencies.count > 20, "clerks made \(clerks.latencies.count) requests during the attack")
            let metrics = try await d.client.get("/metrics")
            #expect(metrics.text.contains(#"kiosk_refused_total{reason="read_timeout"} 200"#), "\(metrics.text.split(separator: "\n").filter { $0.contains("refused") })")
            let openSeconds = Double((sent - opened).components.attoseconds) * 1e-18 + Double((sent - opened).components.seconds)
            print(String(
                format: "EDGES half-open: 1000 connections (400 silent, 400 half a request, 200 trickling a body) opened in %.2f s, %d open at peak; read timeout %.0f s; closed after %.2f–%.2f s (median %.2f)",
                openSeconds, atPeak, timeout, seconds.first ?? .nan, seconds.last ?? .nan, Self.percentile(seconds, 0.5)
            ))
            print("EDGES clerk call/finish latency before: \(Self.figures(baseline.latencies))")
            print("EDGES clerk call/finish latency during: \(Self.figures(clerks.latencies))")
        }
    }

    @Test func connectionsBeyondTheCapAreAnswered503AndClosed() async throws {
        var config = HallConfig.defaultHall
        config.limits.maxConnections = 16
        try await TestDaemon.with(config: config) { d in
            var held: [RawSocket] = []
            for _ in 0..<16 { held.append(try RawSocket(port: d.port)) }
            #expect(await eventually(within: 10) { d.daemon.connections.count == 16 })
            let extra = try RawSocket(port: d.port)
            await extra.read(for: 10) { $0.text.contains("too_many_connections") }
            #expect(extra.text.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"), "\(extra.text)")
            #expect(extra.text.contains("Retry-After: 1\r\n"))
            await extra.read(for: 10) { _ in false }
            #expect(extra.closedByPeer)
            // The held ones are untouched; once one goes, a real client gets in again.
            #expect(held.allSatisfy { !$0.closedByPeer })
            held.removeLast(2)
            #expect(await eventually(within: 10) { d.daemon.connections.count < 15 })
            let answer = try await d.client.get("/healthz")
            #expect(answer.status == 200)
            let metrics = try await d.client.get("/metrics")
            #expect(metrics.text.contains(#"kiosk_refused_total{reason="connection_cap"} 1"#))
            // The gauges: the cap, and what is open now: the 14 held and the client's own (one per
            // worker of its transport it used, at most 4).
            #expect(metrics.text.contains("\nkiosk_http_connections_cap 16.0\n"))
            let open = Self.openConnections(metrics.text) ?? -1
            #expect((15...18).contains(open), "kiosk_http_connections \(open)")
            held.removeAll()
            let closed = await eventually(within: 10) {
                let text = (try? await d.client.get("/metrics"))?.text ?? ""
                return (1...4).contains(Self.openConnections(text) ?? -1)
            }
            #expect(closed)
        }
    }

    /// The value of `kiosk_http_connections` in a `/metrics` text.
    static func openConnections(_ text: String) -> Double? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("kiosk_http_connections ") }) else { return nil }
        return Double(line.split(separator: " ").last ?? "")
    }

    @Test func aQuietEventStreamCarriesAHeartbeatComment() async throws {
        #expect(LimitSettings().streamHeartbeatSeconds <= 15)
        #expect(throws: ConfigError.self) {
            try HallConfig.load(json: #"{"sessions":[["08:00","12:00"]],"services":[{"code":"A","name":"a"}],"counters":[{"id":"1","services":["A"]}],"limits":{"stream_heartbeat_s":16}}"#)
        }
        var config = HallConfig.defaultHall
        config.limits.streamHeartbeatSeconds = 0.2
        try await TestDaemon.with(config: config) { d in
            let stream = try RawSocket(port: d.port)
            try stream.send("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(d.tokens.display)\r\n\r\n")
            await stream.read(for: 10) { $0.text.components(separatedBy: ": heartbeat\n\n").count >= 3 }
            #expect(stream.text.components(separatedBy: ": heartbeat\n\n").count >= 3, "\(stream.text)")
            #expect(!stream.closedByPeer)
        }
    }

    @Test func aScreenThatStopsReadingIsCutOffAndResumesWithoutAGap() async throws {
        var config = HallConfig.defaultHall
        config.limits.streamBuffer = 8
        try await TestDaemon.with(config: config) { d in
            let first = try await d.journal.lastSeq()
            let slow = try RawSocket(port: d.port, receiveBuffer: 2048)
            try slow.send("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(d.tokens.display)\r\nLast-Event-ID: \(first)\r\n\r\n")
            await slow.read(for: 10) { $0.text.contains("retry: 1000") }
            // Events until the daemon gives up on the reader (it never reads meanwhile): clerks
            // pausing and resuming their windows (cheap commands, one event each).
            var sentCommands = 0
            var cutOff = false
            let windows = d.config.counters.map(\.id)
            while !cutOff && sentCommands < 8000 {
                for action in ["pause", "resume"] {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for window in windows {
                            group.addTask {
                                let answer = try await d.client.window(window, action)
                                #expect(answer.status == 200, "\(action) \(window): \(answer.text)")
                            }
                        }
                        try await group.waitForAll()
                    }
                    sentCommands += windows.count
                }
                if sentCommands % 160 == 0 {
                    cutOff = (try await d.client.get("/metrics")).text.contains(#"kiosk_refused_total{reason="slow_subscriber"} 1"#)
                }
            }
            let issued = sentCommands
            #expect(cutOff, "the daemon never cut off a reader that stopped reading (\(issued) events)")
            // Whatever it did send arrives in order, then the stream ends (the last chunk).
            await slow.read(for: 20) { $0.text.hasSuffix("\r\n0\r\n\r\n") }
            #expect(slow.text.hasSuffix("\r\n0\r\n\r\n") || slow.closedByPeer, "the stream was not ended")
            let ids = Self.eventIDs(slow.text)
            try #require(!ids.isEmpty)
            #expect(ids == Array((first + 1)...(first + Int64(ids.count))), "a gap in the stream before the cut")
            // The screen resumes from the last id it saw and gets the rest, none missing.
            let last = try await d.journal.lastSeq()
            let resumed = try RawSocket(port: d.port)
            try resumed.send("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(d.tokens.display)\r\nLast-Event-ID: \(ids.last!)\r\n\r\n")
            await resumed.read(for: 20) { Self.eventIDs($0.text).last == last }
            #expect(Self.eventIDs(resumed.text) == Array((ids.last! + 1)...last))
            print("EDGES slow screen: cut off after \(ids.count) of \(last - first) events (buffer \(config.limits.streamBuffer)); resumed with the remaining \(last - ids.last!)")
        }
    }

    /// The `id:` of every event in the raw text of an event stream (chunk framing and all).
    static func eventIDs(_ text: String) -> [Int64] {
        text.components(separatedBy: "\n").compactMap { line in
            let line = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let range = line.range(of: "id: ") else { return nil }
            return Int64(line[range.upperBound...])
        }
    }
}
