import Foundation
import KioskCore
@testable import KioskStore
import Testing

/// The journal's reading connections keep a small page cache (memory, issue 17 goal 3); the
/// writer keeps SQLite's default.
@Suite struct JournalReaderCacheTests {
    @Test func readersKeepASmallPageCacheAndTheWriterTheDefault() throws {
        let dir = try TemporaryDirectory()
        let journal = try SQLiteJournal(path: dir.path + "/j.sqlite", calendar: QueueEngine(config: .defaultHall).calendar)
        let sizes = try journal.pageCacheSizes()
        #expect(sizes.reader == -SQLiteJournal.readerCacheKiB)
        #expect(sizes.writer == -2000)
    }
}
