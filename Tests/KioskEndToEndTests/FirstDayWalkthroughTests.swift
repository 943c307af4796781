import Foundation
import KioskTestSupport
import Testing

/// Issue 14, point 10: `kiosk walkthrough` leaves nothing behind, and its last board explains
/// the idle window beside a waiting ticket.
@Suite struct FirstDayWalkthroughTests {
    @Test func theWalkthroughRemovesItsTemporaryJournalAndExplainsTheIdleWindow() throws {
        try FirstDayCLITests.withTempFolder { tmp in
            let result = try runCommand("env", ["TMPDIR=\(tmp)/", KioskBinary.url.path, "walkthrough"])
            #expect(result.status == 0)
            // 3号窗口 serves D and stands free while D001 waits: said, with what to press.
            #expect(result.output.contains("注 note: 3号窗口 空闲而 D001 在等候"), "\(result.output)")
            #expect(result.output.contains("a window calls only when its clerk presses call"))
            // A paused window, or one with a ticket, is not "idle".
            #expect(!result.output.contains("注 note: 6号窗口"))
            #expect(!result.output.contains("注 note: 2号窗口"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty, "left behind in TMPDIR")
            #expect(result.output.contains("a temporary journal, now removed"))
        }
        // With --data-dir the journal is kept, and said where.
        try FirstDayCLITests.withTempFolder { dir in
            let result = try KioskProcess.run(["walkthrough", "--data-dir", dir + "/morning"])
            #expect(result.status == 0)
            #expect(FileManager.default.fileExists(atPath: dir + "/morning/journal.sqlite"))
            #expect(result.stdout.contains("export it with: kiosk export --data-dir \(dir)/morning"))
        }
    }
}
