import Foundation
import KioskCore
import KioskDisplay
import KioskServer
import KioskTestSupport
import Testing
@testable import KioskTerminal

/// A hall screen that starts in the afternoon of a busy day: the daemon has thousands of events
/// journaled, and the screen is drawn from the snapshot (`GET /v1/hall`) plus the events after
/// it, never a replay of the day on its event stream.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ScreenOnABusyDayTests {
    @Test func theFirstFrameComesFromTheSnapshotWithNoEventOfTheDayReceived() async throws {
        let dir = NSTemporaryDirectory() + "kiosk-busy-day-screen-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = ManualClock(hallTime: "09:00")
        let options = KioskDaemon.Options.forTests(config: .defaultHall, dataDirectory: dir + "/var", clock: { clock.now })
        try await InProcessDaemon.with(options) { daemon in
            // Served tickets, four events each (the line stays short, so the day builds fast).
            var lastCalled = ""
            var round = 0
            while try await daemon.hall.journal.lastSeq() < 2_500 {
                round += 1
                lastCalled = String(format: "A%03d", round)
                for command: Command in [.issue(service: "A", priority: false, override: "test"), .callNext(counter: "1"), .start(counter: "1"), .finish(counter: "1")] {
                    _ = try await daemon.hall.execute(command)
                }
            }
            let dayLast = try await daemon.hall.journal.lastSeq()

            let layout = try Layouts.load("main-hall")
            let terminal = RecordingTerminal(size: layout.canvas)
            var screen = HallScreen(layout: layout, address: ServerAddress(host: "127.0.0.1", port: daemon.port), token: options.tokens.display)
            let paintLog = dir + "/paints.log"
            screen.paintLog = paintLog
            let drawing = Task { await screen.run(on: terminal) }
            defer { drawing.cancel() }
            func paints() -> [PaintLine] {
                ((try? String(contentsOfFile: paintLog, encoding: .utf8)) ?? "").split(separator: "\n").compactMap(PaintLine.init)
            }

            // Live: the snapshot drawn, with the day's last call on it, and not one event received.
            #expect(await eventually(within: 20) { paints().contains { $0.link == "live" } })
            let firstLive = try #require(paints().first { $0.link == "live" })
            #expect(firstLive.calls.first == lastCalled, "the snapshot's calls: \(firstLive.calls)")
            #expect(paints().allSatisfy { $0.throughSeq == nil }, "an event of the day reached the screen: \(paints().map(\.throughSeq))")

            // A call after it comes on the stream, drawn from its event.
            _ = try await daemon.hall.execute(.issue(service: "B", priority: false, override: "test"))
            _ = try await daemon.hall.execute(.callNext(counter: "1"))
            let callSeq = try await daemon.hall.journal.lastSeq()
            #expect(await eventually(within: 20) { paints().contains { ($0.throughSeq ?? 0) >= callSeq && $0.calls.first == "B001" } })
            let received = paints().compactMap(\.throughSeq)
            #expect(received.allSatisfy { $0 > dayLast }, "only events after the snapshot: \(received) (the day ended at \(dayLast))")
        }
    }

    /// One line of the screen's paint log (`PaintLog`).
    struct PaintLine {
        var throughSeq: Int64?
        var link: String
        var calls: [String]

        init?(_ line: Substring) {
            let fields = line.split(separator: " ")
            guard fields.count == 5, let through = Int64(fields[1]) else { return nil }
            throughSeq = through < 0 ? nil : through
            link = String(fields[3])
            calls = fields[4] == "-" ? [] : fields[4].split(separator: ",").map(String.init)
        }
    }
}
