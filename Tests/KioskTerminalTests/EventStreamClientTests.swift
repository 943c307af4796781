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
        let dataDirectory = NSTemporaryDirectory() + "kiosk-terminal-stream-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let clock = ManualClock(hallTime: "09:00")
        let options = KioskDaemon.Options.forTests(config: .defaultHall, dataDirectory: dataDirectory, clock: { clock.now })
        try await InProcessDaemon.with(options) { daemon in
            var configuration = EventStreamClient.Configuration(
                address: ServerAddress(host: "127.0.0.1", port: daemon.port), token: token(options.tokens), lastEventID: lastEventID
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
