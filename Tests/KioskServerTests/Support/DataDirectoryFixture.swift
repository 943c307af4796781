import Foundation
import KioskCore
import KioskServer
import KioskTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A data directory for tests that run the real `kiosk` binary on it: a temp folder, the
/// hall's test tokens in `tokens.json`, and the file-level checks the privacy and one-writer
/// tests make (modes, bytes, what `strings` finds).
struct DataDirectoryFixture {
    let path: String
    let tokens: AccessTokens
    let config = HallConfig.defaultHall

    init() throws {
        path = NSTemporaryDirectory() + "kiosk-data-" + UUID().uuidString
        tokens = AccessTokens.forTests(config)
    }

    var tokensFile: String { path + "/tokens.json" }
    var journal: String { path + "/journal.sqlite" }

    /// Writes the tokens file (as an operator might: with the default umask, 0644).
    func writeTokens() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try tokens.jsonValue.serialized().write(toFile: tokensFile, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Starts `kiosk serve` on this directory (the shared `DaemonProcess`) with its tokens, and
    /// a client for it.
    func serve(startAt: String?, environment: [String: String] = [:]) async throws -> (DaemonProcess, APIClient) {
        let daemon = DaemonProcess(dataDir: path)
        daemon.environment = environment
        try await daemon.start(at: startAt, tokens: tokensFile)
        return (daemon, APIClient(port: daemon.port, tokens: tokens))
    }

    /// A fresh directory with its tokens and `kiosk serve` on it from `startAt`; `stop()` kills
    /// the daemon and removes the directory.
    static func serving(startAt: String) async throws -> Served {
        let data = try DataDirectoryFixture()
        try data.writeTokens()
        do {
            let (daemon, api) = try await data.serve(startAt: startAt)
            return Served(data: data, daemon: daemon, api: api)
        } catch {
            data.remove()
            throw error
        }
    }

    struct Served {
        let data: DataDirectoryFixture
        let daemon: DaemonProcess
        let api: APIClient

        func stop() {
            daemon.kill()
            data.remove()
        }
    }

    /// The tickets issued on `date` in the journal, in order (read with the real `sqlite3`).
    func issuedTickets(on date: String = "2026-03-02") throws -> [String] {
        try runCommand("sqlite3", [journal, "SELECT json_extract(line, '$.ticket') FROM event WHERE business_date = '\(date)' AND json_extract(line, '$.ev') = 'issue' ORDER BY seq"])
            .output.split(separator: "\n").map(String.init)
    }

    /// Permission bits of `name` in the directory ("" for the directory itself).
    func mode(_ name: String) -> mode_t? {
        var info = stat()
        guard stat(name.isEmpty ? path : path + "/" + name, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Every regular file in the directory, recursively, relative names.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var out: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue { out.append(name) }
        }
        return out.sorted()
    }

    /// The journal's bytes: the database file and its WAL (what a second writer must not touch).
    func journalBytes() -> [Data?] {
        [FileManager.default.contents(atPath: journal), FileManager.default.contents(atPath: journal + "-wal")]
    }

    /// Which of `needles` `strings -a` finds in which file: what anyone reading the raw files
    /// (a backup, a stolen disk, another user) would see.
    func stringsHits(_ needles: [String]) throws -> [String] {
        var hits: [String] = []
        for file in files() {
            let result = try runCommand("strings", ["-a", "-n", "6", path + "/" + file])
            for needle in needles where result.output.contains(needle) { hits.append("\(file): \(needle)") }
        }
        return hits
    }
}
