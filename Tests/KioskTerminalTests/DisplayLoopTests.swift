import KioskAPI
import KioskTestSupport
import KioskCore
import KioskDisplay
import Synchronization
import Testing
@testable import KioskTerminal

/// A snapshot source whose answer the test changes, counting fetches.
final class FakeSnapshots: HallSnapshotSource {
    struct State {
        var snapshot: HallSnapshot
        var fetches = 0
        var failing = false
        /// Reads never answer (a daemon too busy to render the hall, a proxy that holds it).
        var hanging = false
    }

    let state: LockedValue<State>

    init(_ snapshot: HallSnapshot) {
        state = LockedValue(State(snapshot: snapshot))
    }

    struct Unreachable: Error {}

    func snapshot() async throws -> HallSnapshot {
        let hanging = state.withLock { s in
            s.fetches += 1
            return s.hanging
        }
        if hanging { try await Task.sleep(for: .seconds(3600)) }
        return try state.withLock { s in
            if s.failing { throw Unreachable() }
            return s.snapshot
        }
    }

    var fetches: Int { state.withLock { $0.fetches } }
}

/// The screen with fakes around it: the test drives the stream and reads what was written.
struct LoopHarness {
    let sink = RecordingTerminal(size: Size(width: 120, height: 40))
    let snapshots = FakeSnapshots(SnapshotFixture.value)
    let paints = LockedValue<[DisplayLoop.Paint]>([])
    let speaker = RecordingSpeaker()
    let updates: AsyncStream<EventStreamUpdate>
    let feed: AsyncStream<EventStreamUpdate>.Continuation
    let loop: DisplayLoop

    init(layout: Layout) {
        (updates, feed) = AsyncStream.makeStream(of: EventStreamUpdate.self)
        var options = DisplayLoop.Options(layout: layout)
        options.refreshInterval = nil
        options.retryDelay = .milliseconds(50)
        let updates = self.updates, paints = self.paints
        loop = DisplayLoop(
            options: options, sink: sink, snapshots: snapshots, events: { updates },
            announcements: AnnouncementQueue(speaker: speaker, repetitions: 1),
            onPaint: { paint in paints.withLock { $0.append(paint) } }
        )
    }

    var allPaints: [DisplayLoop.Paint] { paints.withLock { $0 } }

    /// Runs the loop while `body` drives it, then cancels it (which gives the terminal back).
    func whileRunning(_ body: () async throws -> Void) async throws {
        let loop = self.loop
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await loop.run() }
            defer { group.cancelAll() }
            try await body()
        }
    }

    /// Says the stream is up; whether a live picture is painted within 5 s.
    func goLive() async -> Bool {
        feed.yield(.connected)
        return await eventually(within: 5) { allPaints.contains { $0.link == .live } }
    }

    static func event(_ seq: Int, _ fields: String) -> EventStreamUpdate {
        .event(ServerSentEvent(id: "\(seq)", type: "hall", data: #"{"seq":\#(seq),"date":"2026-03-02","t":34870,\#(fields)}"#))
    }
}

@Suite struct DisplayLoopTests {
    @Test func paintsFullyOnceLiveThenDrawsACallFromItsEventAlone() async throws {
        let harness = LoopHarness(layout: try Layouts.load("main-hall"))
        try await harness.whileRunning {
            #expect(await eventually(within: 5) { harness.sink.isEntered })
            #expect(await harness.goLive())
            let fetches = harness.snapshots.fetches

            harness.feed.yield(LoopHarness.event(50, #""ev":"call","ticket":"A024","counter":"3""#))
            #expect(await eventually(within: 5) { harness.allPaints.contains { $0.throughSeq == 50 } })

            let paints = harness.allPaints
            let full = try #require(paints.first { $0.full })
            let call = try #require(paints.first { $0.throughSeq == 50 })
            #expect(!call.full)
            #expect(call.calls.first == "A024")
            // The call moves the big "now calling" box, the list and window 3's row: still far
            // less than a full paint.
            #expect(call.bytes > 0 && call.bytes * 2 < full.bytes, "\(call.bytes) of \(full.bytes)")
            #expect(harness.snapshots.fetches == fetches, "the call is drawn from its event, the hall is not read again")
            // Exactly the diff to the snapshot with the call on top: first in the calls, and
            // window 3's ticket, called (its name from the snapshot: this event has none).
            var next = SnapshotFixture.json.replacingOccurrences(of: #""calls":["#, with: #""calls":[{"ticket":"A024","counter":"3","counter_name":"3号窗口","at":"09:41:10"},"#)
            next = next.replacingOccurrences(
                of: #"{"id":"3","name":"3号窗口","services":["C"],"status":"open","current":null"#,
                with: #"{"id":"3","name":"3号窗口","services":["C"],"status":"open","current":{"ticket":"A024","service":"A","service_name":"求职登记","state":"called","issued_at":"","counter":"3","counter_name":"3号窗口"}"#
            )
            let expected = try APICoding.decode(HallSnapshot.self, from: next)
            let layout = harness.loop.options.layout, size = Size(width: 120, height: 40)
            let before = Renderer.render(layout, model: HallScreenModel.model(snapshot: SnapshotFixture.value, link: .live), size: size)
            let after = Renderer.render(layout, model: HallScreenModel.model(snapshot: expected, link: .live), size: size)
            #expect(harness.sink.writes.last == ANSIEncoder.encode(previous: before, next: after))
            #expect(await eventually(within: 5) { harness.speaker.state.withLock { $0.spoken } == ["请 A024 号 到 3 号窗口 办理"] })
        }
        #expect(!harness.sink.isEntered)   // the terminal is given back on cancellation
    }

    @Test func aBurstOfEventsReadsTheHallNotOnce() async throws {
        let harness = LoopHarness(layout: try Layouts.load("small-80x24"))
        try await harness.whileRunning {
            #expect(await harness.goLive())
            let before = harness.snapshots.fetches
            for seq in 60..<80 { harness.feed.yield(LoopHarness.event(seq, #""ev":"issue","ticket":"A0\#(seq)","service":"A""#)) }
            #expect(await eventually(within: 5) { harness.allPaints.contains { $0.throughSeq == 79 } })
            // The counts follow at the next refresh (once a second), not after each burst.
            #expect(harness.snapshots.fetches == before)
        }
    }

    @Test(arguments: ["failing", "hanging"])
    func aCallShowsWhileTheHallCannotBeRead(_ how: String) async throws {
        let harness = LoopHarness(layout: try Layouts.load("main-hall"))
        harness.snapshots.state.withLock { if how == "failing" { $0.failing = true } else { $0.hanging = true } }
        try await harness.whileRunning {
            harness.feed.yield(.connected)
            harness.feed.yield(LoopHarness.event(51, #""ev":"call","ticket":"B007","counter":"2","counter_name":"2号窗口","service":"B","service_name":"职业介绍""#))
            #expect(await eventually(within: 5) { harness.allPaints.contains { $0.calls.first == "B007" } })
            let paint = try #require(harness.allPaints.first { $0.calls.first == "B007" })
            // Drawn, and the notice says the rest of the screen is not live yet.
            #expect(paint.link == .connecting)
            // No snapshot ever came: the window's name is the event's own.
            let written = harness.sink.writes.joined()
            #expect(written.contains("B007") && written.contains("2号窗口"), "\(written)")
            #expect(written.contains(HallScreenModel.connectingNotice))
        }
    }

    @Test func aDroppedStreamShowsReconnectingUntilItIsBack() async throws {
        let harness = LoopHarness(layout: try Layouts.load("main-hall"))
        try await harness.whileRunning {
            #expect(await harness.goLive())
            harness.feed.yield(.disconnected(reason: "connection refused"))
            #expect(await eventually(within: 5) { harness.allPaints.last?.link == .reconnecting })
            #expect(harness.sink.writes.last?.contains("重新连接中") == true)
            harness.feed.yield(.connected)
            #expect(await eventually(within: 5) { harness.allPaints.last?.link == .live })
        }
    }

    @Test func aFailedSnapshotAlsoShowsReconnecting() async throws {
        let harness = LoopHarness(layout: try Layouts.load("main-hall"))
        harness.snapshots.state.withLock { $0.failing = true }
        try await harness.whileRunning {
            harness.feed.yield(.connected)
            // Never live yet: it says it is connecting.
            #expect(await eventually(within: 5) { harness.allPaints.last?.link == .connecting })
            harness.snapshots.state.withLock { $0.failing = false }
            harness.feed.yield(LoopHarness.event(90, #""ev":"pause","counter":"3""#))
            #expect(await eventually(within: 5) { harness.allPaints.last?.link == .live })
        }
    }

    @Test func aResizeRepaintsEverythingAtTheNewSize() async throws {
        let harness = LoopHarness(layout: try Layouts.load("main-hall"))
        try await harness.whileRunning {
            #expect(await harness.goLive())
            let count = harness.allPaints.count
            harness.sink.resize(to: Size(width: 80, height: 24))
            #expect(await eventually(within: 5) { harness.allPaints.count > count && harness.allPaints.last?.full == true })
            #expect(harness.sink.writes.last?.hasPrefix("\u{1B}[0m\u{1B}[2J") == true)
        }
    }
}
