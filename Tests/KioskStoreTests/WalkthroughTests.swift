import Foundation
import KioskCore
import KioskStore
import Testing

/// `kiosk walkthrough`'s scripted morning: every rule once, all through the journal.
@Suite struct WalkthroughTests {
    @Test func theMorningShowsEachRuleOnceAndIsAllInTheJournal() throws {
        let dir = try TemporaryDirectory()
        let local = try LocalHall.openForWriting(config: .defaultHall, dataDirectory: dir.path)
        let day = BusinessDate("2026-03-02")!
        var lines: [String] = []
        let state = Walkthrough.morning(on: local, day: day) { lines.append($0) }
        func shows(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
        #expect(lines.contains { $0.hasPrefix("08:00:12  取号 C001") }, "\(lines.prefix(4))")
        #expect(shows("过号 C002") && shows("(自动)"), "an automatic no-show")
        #expect(shows("顶替"), "a cover")
        #expect(shows("挂起 A001"), "a park")
        #expect(shows("转办 C002"), "a transfer")
        #expect(shows("拒绝 refused [unknown_service]"), "a refusal")
        #expect(!lines.contains { $0.hasPrefix("error:") })
        // What it printed is what the journal holds: folding the day again gives the same hall.
        let engine = local.engine
        var folded = engine.initialState()
        for record in try local.journal.events(on: day) { engine.fold(record.event, into: &folded) }
        #expect(folded == state)
    }
}
