import Foundation
import KioskCore
import Synchronization
import KioskTestSupport
import Testing
@testable import KioskTerminal

/// A speaker that takes a little time per utterance and records how many ran at once.
final class RecordingSpeaker: Speaker {
    struct State {
        var spoken: [String] = []
        var active = 0
        var maxActive = 0
    }

    let state = LockedValue(State())

    func speak(_ text: String) async {
        state.withLock { s in
            s.active += 1
            s.maxActive = max(s.maxActive, s.active)
        }
        await Task.yield()
        try? await Task.sleep(for: .milliseconds(2))   // an utterance takes time; others must wait
        state.withLock { s in
            s.active -= 1
            s.spoken.append(text)
        }
    }
}

@Suite struct AnnouncementTests {
    @Test func formatsTheCallSentenceWithSpacedWindowNumber() {
        #expect(Announcement(ticket: "A023", counterName: "3号窗口").text == "请 A023 号 到 3 号窗口 办理")
        #expect(Announcement(ticket: "V002", counterName: "老年人窗口").text == "请 V002 号 到 老年人窗口 办理")
        #expect(Announcement(ticket: "B100", counterName: "12号窗口").text == "请 B100 号 到 12 号窗口 办理")
    }

    /// A call back from review (即审) is a call like any: spoken too.
    @Test func callsRecallsAndUnparksAreAnnouncedWithTheSnapshotsWindowName() throws {
        for kind in ["call", "recall", "unpark", "call_back"] {
            let event = try #require(StreamedHallEvent(data: #"{"seq":9,"date":"2026-03-02","t":34800,"ev":"\#(kind)","ticket":"B004","counter":"2"}"#))
            #expect(Announcement(event, snapshot: SnapshotFixture.value)?.text == "请 B004 号 到 2 号窗口 办理")
        }
        for data in [#"{"ev":"issue","ticket":"A024","service":"A"}"#, #"{"ev":"pause","counter":"2"}"#, #"{"ev":"finish","ticket":"A023","counter":"1"}"#] {
            let event = try #require(StreamedHallEvent(data: data))
            #expect(Announcement(event, snapshot: SnapshotFixture.value) == nil)
        }
    }

    @Test func oldCallsReplayedFromTheBacklogAreNotSpoken() throws {
        // The fixture's clock is 09:41 on 2026-03-02.
        func event(_ date: String, _ t: Double) throws -> StreamedHallEvent {
            try #require(StreamedHallEvent(data: #"{"date":"\#(date)","t":\#(t),"ev":"call","ticket":"A001","counter":"1"}"#))
        }
        #expect(Announcement.isCurrent(try event("2026-03-02", 9 * 3600 + 41 * 60 + 5), snapshot: SnapshotFixture.value))
        #expect(Announcement.isCurrent(try event("2026-03-02", 9 * 3600 + 40 * 60), snapshot: SnapshotFixture.value))
        #expect(!Announcement.isCurrent(try event("2026-03-02", 9 * 3600 + 30 * 60), snapshot: SnapshotFixture.value))
        #expect(!Announcement.isCurrent(try event("2026-03-01", 9 * 3600 + 41 * 60), snapshot: SnapshotFixture.value))
    }

    @Test func queueSpeaksInOrderOneAtATimeEachRepeatedOnce() async {
        let speaker = RecordingSpeaker()
        let queue = AnnouncementQueue(speaker: speaker, pause: { _ in })
        let announcements = (1...12).map { Announcement(ticket: String(format: "A%03d", $0), counterName: "\($0 % 8 + 1)号窗口") }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queue.run() }
            // Calls arrive from many places at once while earlier ones are still being spoken.
            for announcement in announcements {
                queue.enqueue(announcement)
                await Task.yield()
            }
            queue.finish()
        }
        let state = speaker.state.withLock { $0 }
        #expect(state.maxActive == 1)
        #expect(state.spoken == announcements.flatMap { [$0.text, $0.text] })
        #expect(state.spoken.first == "请 A001 号 到 2 号窗口 办理")
    }

    /// Issue 14, point 12: each repeat is logged when it is said, after the gap, and marked as
    /// a repeat (both lines had one stamp), in the hall's zone.
    @Test func theLogSpeakerStampsEachRepeatAtItsOwnTime() async throws {
        let path = NSTemporaryDirectory() + "kiosk-announce-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_772_415_660))   // 2026-03-02 09:41:00 in Shanghai
        let log = AnnouncementLog(path: path, timeZone: TimeZone(identifier: "Asia/Shanghai")!, now: { clock.now })
        let queue = AnnouncementQueue(speaker: log, repetitions: 2, gap: .milliseconds(1500)) { gap in
            clock.advance(by: Double(gap.components.seconds) + Double(gap.components.attoseconds) / 1e18)
        }
        queue.enqueue(Announcement(ticket: "A001", counterName: "1号窗口"))
        queue.enqueue(Announcement(ticket: "A002", counterName: "2号窗口"))
        queue.finish()
        await queue.run()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == [
            "2026-03-02T09:41:00.000+08:00 请 A001 号 到 1 号窗口 办理",
            "2026-03-02T09:41:01.500+08:00 请 A001 号 到 1 号窗口 办理 (重复 repeat)",
            "2026-03-02T09:41:01.500+08:00 请 A002 号 到 2 号窗口 办理",
            "2026-03-02T09:41:03.000+08:00 请 A002 号 到 2 号窗口 办理 (重复 repeat)",
        ])
    }

    @Test func theCommandSpeakerRunsTheCommandWithTheTextLast() async throws {
        let path = NSTemporaryDirectory() + "kiosk-speak-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The text arrives as the command's last argument: `touch TEXT` creates a file named TEXT.
        let touch = try #require(CommandSpeaker(command: "touch"))
        await touch.speak(path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(CommandSpeaker(command: "  ") == nil)
    }
}
