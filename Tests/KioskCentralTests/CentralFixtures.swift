import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// What the central tests share: a hall config with an id, a journal's rows as the centre
/// should hold them, and the centre's rows of a hall.
enum CentralFixtures {
    /// A PostgreSQL cluster of the test's own and a temporary folder (`kiosk-central-NAME-…`),
    /// both removed after `body`. Without Debian's PostgreSQL the test fails here, saying so.
    static func withCentre(
        _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: (PostgresCluster, String) async throws -> Void
    ) async throws {
        try #require(PostgresCluster.isInstalled, "Debian's postgresql 15 (scripts/install-deps test)", sourceLocation: sourceLocation)
        let pg = try PostgresCluster()
        defer { pg.destroy() }
        let root = try tempDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await body(pg, root)
    }

    static func tempDirectory(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "kiosk-central-\(name)-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The embedded default hall with `hall.id` = `id`, written to `directory/ID.json`.
    static func config(id: String, in directory: String) throws -> String {
        let path = directory + "/\(id).json"
        let text = HallConfig.defaultHallJSON.replacingOccurrences(of: "\"hall\": {", with: "\"hall\": {\"id\": \"\(id)\",")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The journal's event rows, `seq|line` in order: what the centre must hold for the hall.
    static func journalRows(_ dataDir: String) throws -> [String] {
        let journal = try SQLiteJournal(path: dataDir + "/journal.sqlite", calendar: QueueEngine(config: .defaultHall).calendar, readOnly: true)
        return try journal.rowsToShip(.event, after: 0, limit: 1_000_000).map { "\($0.seq)|\($0.line)" }
    }

    /// The centre's event rows of `hall`, `seq|line` in order of seq.
    static func centralRows(_ pg: PostgresCluster, hall: String) throws -> [String] {
        let text = try pg.psql("SELECT seq || '|' || line FROM journal_row WHERE hall_id = '\(hall)' AND stream = 'event' ORDER BY seq")
        return text.isEmpty ? [] : text.split(separator: "\n").map(String.init)
    }
}
