import Foundation
import KioskCore
@testable import KioskServer
import Testing

/// `GET /v1/events`: committed events as Server-Sent Events, resumable by `Last-Event-ID`.
@Suite(.timeLimit(.minutes(2)))
struct EventStreamTests {
    @Test func theStreamSendsEveryCommittedEventWithItsSequenceAsId() async throws {
        try await TestDaemon.with { daemon in
            for _ in 1...3 { #expect(try await daemon.client.take("A").status == 201) }
            let last = try daemon.journal.lastSeq()
            let stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display)
            defer { stream.close() }
            #expect(stream.status == 200)
            #expect(stream.header("Content-Type")?.hasPrefix("text/event-stream") == true)
            #expect(stream.header("Cache-Control") == "no-cache")
            try await stream.read(throughID: last)
            #expect(stream.ids == Array(1...last))
            #expect(stream.bodyText.contains("id: \(last)\n"))
            // Each event's data is its trace line with the same sequence number.
            for event in stream.events {
                let data = try #require(try? JSONParser.parse(event.data).value, "data: \(event.data)")
                #expect(event.event == "hall")
                #expect(data["seq"]?.intValue.map(Int64.init) == event.id)
                #expect(data["date"] == "2026-03-02", "every event says its business date, once")
            }
            let tickets = stream.events.compactMap { try? JSONParser.parse($0.data).value["ticket"]?.stringValue }
            #expect(tickets == ["A001", "A002", "A003"])
        }
    }

    @Test(arguments: ["header", "query"])
    func aReconnectingClientGetsExactlyTheEventsAfterItsLastIdThenLiveOnes(_ how: String) async throws {
        try await TestDaemon.with { daemon in
            for _ in 1...4 { #expect(try await daemon.client.take("B").status == 201) }
            let last = try daemon.journal.lastSeq()
            let seen = last - 2

            let stream: EventStreamConnection
            if how == "header" {
                stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display, headers: [("Last-Event-ID", String(seen))])
            } else {
                stream = try await EventStreamConnection.open(port: daemon.port, path: "/v1/events?after=\(seen)", token: daemon.tokens.display)
            }
            defer { stream.close() }
            try await stream.read(throughID: last)
            #expect(stream.ids == [seen + 1, seen + 2])

            // Live: committed after the client connected.
            #expect(try await daemon.client.take("B").status == 201)
            #expect(try await daemon.client.window("1", "call").status == 200)
            let now = try daemon.journal.lastSeq()
            try await stream.read(throughID: now)
            #expect(stream.ids == Array((seen + 1)...now), "no gap, no duplicate")
            let names = stream.events.compactMap { try? JSONParser.parse($0.data).value["ev"]?.stringValue }
            #expect(names.suffix(2) == ["issue", "call"])
        }
    }

    @Test func resumingWhileCommandsCommitNeitherLosesNorRepeatsAnEvent() async throws {
        // The backlog comes from the journal and the rest from the live feed; the seam between
        // them is where a gap or a duplicate would hide, so subscribe while takes are committing.
        try await TestDaemon.with(clientConcurrency: 16) { daemon in
            let api = daemon.client
            #expect(try await api.take("A").status == 201)
            let resumeFrom = try daemon.journal.lastSeq()
            let streams = try await withThrowingTaskGroup(of: EventStreamConnection?.self) { group in
                for i in 0..<60 {
                    group.addTask {
                        _ = try await api.take(["A", "B", "C", "D"][i % 4])
                        return nil
                    }
                }
                for _ in 0..<4 {
                    group.addTask {
                        try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.supervisor, headers: [("Last-Event-ID", String(resumeFrom))])
                    }
                }
                var opened: [EventStreamConnection] = []
                for try await stream in group { if let stream { opened.append(stream) } }
                return opened
            }
            let last = try daemon.journal.lastSeq()
            #expect(last == resumeFrom + 60)
            for stream in streams {
                defer { stream.close() }
                try await stream.read(throughID: last)
                #expect(stream.ids == Array((resumeFrom + 1)...last))
            }
        }
    }

    @Test func aClientThatSawEverythingWaitsForTheNextEvent() async throws {
        try await TestDaemon.with { daemon in
            let last = try daemon.journal.lastSeq()
            let stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.admin, headers: [("Last-Event-ID", String(last))])
            defer { stream.close() }
            #expect(stream.status == 200)
            #expect(try await daemon.client.take("A").status == 201)
            try await stream.read(throughID: last + 1)
            #expect(stream.ids == [last + 1])
        }
    }

    /// A hall screen's first connection (`?start=now`): no replay of the day, only where the
    /// stream starts (`id:`), then every event committed after it.
    @Test func aStreamStartedNowReplaysNothingAndSaysWhereItStarts() async throws {
        try await TestDaemon.with { daemon in
            for _ in 1...5 { #expect(try await daemon.client.take("A").status == 201) }
            let last = try daemon.journal.lastSeq()
            let stream = try await EventStreamConnection.open(port: daemon.port, path: "/v1/events?start=now", token: daemon.tokens.display)
            defer { stream.close() }
            #expect(stream.status == 200)
            try await stream.read(untilBodyContains: "id: \(last)\n\n")
            #expect(stream.events.isEmpty)
            #expect(!stream.bodyText.contains("data:"), "nothing of the day replayed: \(stream.bodyText)")

            #expect(try await daemon.client.take("A").status == 201)
            try await stream.read(throughID: last + 1)
            #expect(stream.ids == [last + 1])
        }
    }

    /// The id a `start=now` stream starts at is a resume point like any other: a client that
    /// drops before its first event and comes back with it gets every event committed meanwhile.
    @Test func aStreamStartedNowThatDropsResumesFromWhereItStarted() async throws {
        try await TestDaemon.with { daemon in
            for _ in 1...3 { #expect(try await daemon.client.take("B").status == 201) }
            let started = try daemon.journal.lastSeq()
            let first = try await EventStreamConnection.open(port: daemon.port, path: "/v1/events?start=now", token: daemon.tokens.display)
            try await first.read(untilBodyContains: "id: \(started)\n\n")
            first.close()

            for _ in 1...2 { #expect(try await daemon.client.take("B").status == 201) }
            // As the screen's client reconnects: the last id it saw; the header outranks start=now.
            let again = try await EventStreamConnection.open(
                port: daemon.port, path: "/v1/events?start=now", token: daemon.tokens.display, headers: [("Last-Event-ID", String(started))]
            )
            defer { again.close() }
            try await again.read(throughID: started + 2)
            #expect(again.ids == [started + 1, started + 2], "no gap, no duplicate")
        }
    }

    /// Without a resume point nor `start=now` the stream still replays the whole journal, now
    /// read a page at a time: more events than a page, none missing.
    @Test func aWholeReplayLongerThanAJournalPageMissesNothing() async throws {
        try await TestDaemon.with { daemon in
            // Served tickets: four events each, and the line stays short (cheap to commit).
            while try daemon.journal.lastSeq() <= Int64(KioskAPI.backlogPageEvents + 100) {
                for command: Command in [.issue(service: "A", priority: false, override: "test"), .callNext(counter: "1"), .start(counter: "1"), .finish(counter: "1")] {
                    _ = try await daemon.hall.execute(command)
                }
            }
            let last = try daemon.journal.lastSeq()
            #expect(last > Int64(KioskAPI.backlogPageEvents))
            let stream = try await EventStreamConnection.open(port: daemon.port, token: daemon.tokens.display)
            defer { stream.close() }
            try await stream.read(throughID: last, deadline: .seconds(30))
            #expect(stream.ids == Array(1...last))
        }
    }
}
