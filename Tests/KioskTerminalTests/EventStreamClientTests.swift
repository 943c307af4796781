import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
import Testing
@testable import KioskTerminal

/// The hall screen's event-stream follower against a real daemon in this process, through
/// the libcurl transport's streaming mode.
@Suite(.timeLimit(.minutes(1)))
struct EventStreamClientTests {
    /// Runs `body` with a fresh daemon at 09:00 on the test Monday and a client following it.
    func withFollower(
        token: (AccessTokens) -> String?, lastEventID: String? = nil,
        _ body: (InProcessDaemon, EventStreamClient, AsyncStream<EventStreamUpdate>.AsyncIterator) async throws -> Void
    ) async throws {
        try await InProcessDaemon.onManualClock(config: .defaultHall) { daemon, _ in
            var configuration = EventStreamClient.Configuration(
                address: ServerAddress(host: "127.0.0.1", port: daemon.port), token: token(daemon.tokens), lastEventID: lastEventID
            )
            configuration.reconnectMilliseconds = 100
            let client = EventStreamClient(configuration)
            defer { client.stop() }
            try await body(daemon, client, client.updates().makeAsyncIterator())
        }
    }

    /// Events up to and including the first whose data contains `marker`; a drop is an error.
    func events(through marker: String, from updates: inout AsyncStream<EventStreamUpdate>.AsyncIterator) async throws -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        while let update = await updates.next() {
            switch update {
            case .connected: continue
            case .event(let event):
                events.append(event)
                if event.data.contains(marker) { return events }
            case .disconnected(let reason): throw StreamDropped(reason: reason)
            }
        }
        throw StreamDropped(reason: "the updates ended")
    }

    struct StreamDropped: Error { var reason: String }

    @Test func followsTheBacklogThenLiveEventsInOrder() async throws {
        try await withFollower(token: \.display) { daemon, _, updates in
            var updates = updates
            for service in ["A", "B", "C"] { _ = try await daemon.hall.execute(.issue(service: service, priority: false)) }
            #expect(await updates.next() == .connected)
            let backlog = try await events(through: #""ticket":"C001""#, from: &updates)
            _ = try await daemon.hall.execute(.issue(service: "A", priority: false))
            let live = try await events(through: #""ticket":"A002""#, from: &updates)
            let ids = (backlog + live).map { Int($0.id ?? "") }
            #expect(ids == (1...ids.count).map { $0 }, "no gap, no duplicate")
            #expect((backlog + live).allSatisfy { $0.type == "hall" })
        }
    }

    @Test func resumesAfterTheGivenLastEventID() async throws {
        try await withFollower(token: \.display, lastEventID: "2") { daemon, _, updates in
            var updates = updates
            _ = try await daemon.hall.execute(.issue(service: "A", priority: false))
            let first = try await events(through: #""seq""#, from: &updates)
            #expect(first.map(\.id) == ["3"])
        }
    }

    @Test func aRefusedTokenIsReportedAndRetried() async throws {
        try await withFollower(token: { _ in "not-a-token" }) { _, _, updates in
            var updates = updates
            #expect(await updates.next() == .disconnected(reason: "HTTP 401 (the display token was refused)"))
            #expect(await updates.next() == .disconnected(reason: "HTTP 401 (the display token was refused)"))
        }
    }

    /// A half-open connection (frozen: open, silent) counts as lost after the read timeout:
    /// the screen says so and resumes from the last event it saw, missing nothing.
    @Test func aSilentConnectionIsDroppedAfterTheReadTimeoutAndResumedFromTheLastEvent() async throws {
        #expect(EventStreamClient.Configuration(address: ServerAddress(host: "127.0.0.1", port: 1), token: nil).readTimeout == .seconds(30))
        // No heartbeat during the test: only the freeze may silence the stream.
        try await InProcessDaemon.onManualClock(config: .defaultHall, adjust: { $0.config.limits.streamHeartbeatSeconds = 15 }) { daemon, _ in
            let proxy = try FreezingProxy(upstreamPort: daemon.port)
            defer { proxy.close() }
            var configuration = EventStreamClient.Configuration(address: ServerAddress(host: "127.0.0.1", port: proxy.port), token: daemon.tokens.display)
            configuration.reconnectMilliseconds = 100
            configuration.readTimeout = .seconds(1)
            let client = EventStreamClient(configuration)
            defer { client.stop() }
            var updates = client.updates().makeAsyncIterator()
            for service in ["A", "B"] { _ = try await daemon.hall.execute(.issue(service: service, priority: false)) }
            #expect(await updates.next() == .connected)
            let before = try await events(through: #""ticket":"B001""#, from: &updates)
            proxy.freezeOpenConnections()
            _ = try await daemon.hall.execute(.issue(service: "C", priority: false))
            let started = ContinuousClock.now
            guard case let .disconnected(reason)? = await updates.next() else {
                Issue.record("no drop reported for a silent connection")
                return
            }
            #expect(ContinuousClock.now - started >= .milliseconds(900), "dropped before the read timeout: \(reason)")
            #expect(await updates.next() == .connected)
            let after = try await events(through: #""ticket":"C001""#, from: &updates)
            let ids = (before + after).compactMap { $0.id.flatMap { Int($0) } }
            #expect(ids == Array(1...ids.count), "resumed with Last-Event-ID: no gap, no duplicate")
        }
    }

    /// A hall screen's stream starts at the daemon's current commit (no replay of the day); one
    /// that goes silent before its first event resumes from where it started, missing nothing.
    @Test func aScreenStreamStartsAtTheCurrentCommitAndResumesFromThereAfterASilentDrop() async throws {
        try await InProcessDaemon.onManualClock(config: .defaultHall, adjust: { $0.config.limits.streamHeartbeatSeconds = 15 }) { daemon, _ in
            for service in ["A", "B", "C"] { _ = try await daemon.hall.execute(.issue(service: service, priority: false)) }
            let started = try await daemon.hall.journal.lastSeq()
            let proxy = try FreezingProxy(upstreamPort: daemon.port)
            defer { proxy.close() }
            var configuration = EventStreamClient.Configuration.hallScreen(address: ServerAddress(host: "127.0.0.1", port: proxy.port), token: daemon.tokens.display)
            configuration.reconnectMilliseconds = 100
            configuration.readTimeout = .seconds(1)
            let client = EventStreamClient(configuration)
            defer { client.stop() }
            var updates = client.updates().makeAsyncIterator()
            #expect(await updates.next() == .connected)
            // Where the stream starts (`id:`, no event) has passed the relay: then it freezes.
            #expect(await eventually(within: 10) { proxy.relayedDownstream.contains("id: \(started)\n\n") })
            #expect(!proxy.relayedDownstream.contains("data:"), "nothing of the day replayed")
            proxy.freezeOpenConnections()
            _ = try await daemon.hall.execute(.issue(service: "D", priority: false))
            guard case .disconnected? = await updates.next() else {
                Issue.record("no drop reported for a silent connection")
                return
            }
            #expect(await updates.next() == .connected)
            let after = try await events(through: #""ticket":"D001""#, from: &updates)
            #expect(after.map(\.id) == [String(started + 1)], "nothing of the day replayed, the event of the silence not missed")
        }
    }

    @Test func stoppingEndsTheUpdates() async throws {
        try await withFollower(token: \.display) { _, client, updates in
            var updates = updates
            #expect(await updates.next() == .connected)
            client.stop()
            while let update = await updates.next() {
                // Events already queued may still arrive; a drop report must not.
                if case .disconnected = update { Issue.record("a stop reported as a drop") }
            }
        }
    }
}
