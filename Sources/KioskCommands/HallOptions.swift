import ArgumentParser
import Foundation
import KioskCore
import KioskStore

/// Options every command that touches a hall shares.
struct HallOptions: ParsableArguments {
    @Option(name: .long, help: "Hall config file (JSON). Default: with --data-dir, the hall its journal recorded; else the embedded default hall.")
    var config: String?

    @Option(name: .long, help: "Work on this journal directly, without a daemon (the daemon must not be running on it).")
    var dataDir: String?

    @Option(name: .long, help: "The daemon to talk to (when --data-dir is not given).")
    var server: String = "http://127.0.0.1:8080"

    @Option(name: .long, help: "Bearer token (default: the right one from --tokens).")
    var token: String?

    @Option(name: [.customLong("token-file"), .customLong("tokens")], help: "Token file: the daemon's tokens.json or a device's own (`kiosk tokens issue`).")
    var tokens: String = "./var/tokens.json"

    @Option(name: .long, help: "Act at this hall-local time instead of now: 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]' (today).")
    var at: String?

    /// `--at` is refused while parsing: it needs `--data-dir` (the daemon keeps its own clock)
    /// and one of the shapes `HallLocalTime` reads; which instant it names waits for the hall.
    func validate() throws {
        guard let at else { return }
        if dataDir == nil { throw ValidationError("--at works only with --data-dir (the daemon keeps its own clock)") }
        guard HallLocalTime.isWellFormed(at) else { throw Self.malformed(at: at) }
    }

    static func malformed(at: String) -> ValidationError {
        ValidationError("--at: expected 'YYYY-MM-DD HH:MM[:SS]' or 'HH:MM[:SS]', got '\(at)'")
    }

    func loadConfig() throws -> HallConfig {
        try Self.load(configPath: config)
    }

    /// The config at `path`, or the embedded default; problems are printed as file:line.
    static func load(configPath path: String?) throws -> HallConfig {
        guard let path else { return HallConfig.defaultHall }
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try HallConfig.load(json: text)
        } catch {
            for d in error.diagnostics { printError(d.formatted(file: path)) }
            throw ExitCode(1)
        }
    }

    /// The instant to act at: `--at` in the hall's zone, or the wall clock.
    func now(in calendar: HallCalendar) throws -> Date {
        guard let at else { return Date() }
        guard let instant = HallLocalTime.parse(at, calendar: calendar, today: calendar.businessDate(of: Date())) else { throw Self.malformed(at: at) }
        return instant
    }

    /// The journal to work on directly as its one writer, or nil to talk to the daemon. Exits
    /// non-zero, writing nothing, when a daemon or another command holds the data directory.
    func localHall() throws -> LocalHall? {
        guard let dataDir else { return nil }
        do {
            return try LocalHall.openForWriting(config: hallConfig(dataDirectory: dataDir), dataDirectory: dataDir) { printError("warning: \($0)") }
        } catch let busy as DataDirectoryInUse {
            printError(busy.description)
            throw ExitCode(1)
        }
    }

    /// The journal to read directly (nothing written, no lock: works beside a running daemon),
    /// or nil to talk to the daemon.
    func readOnlyHall() throws -> LocalHall? {
        guard let dataDir else { return nil }
        return try LocalHall.openReadOnly(config: hallConfig(dataDirectory: dataDir), dataDirectory: dataDir)
    }

    /// `--config`, else the hall the journal recorded last (a command without `--config` works
    /// on the hall that wrote it), else the embedded default.
    func hallConfig(dataDirectory: String) throws -> HallConfig {
        try LocalHall.config(config.map { try Self.load(configPath: $0) }, dataDirectory: dataDirectory)
    }

    /// The daemon's client (`validate()` has refused `--at` without `--data-dir`).
    func client() -> DaemonClient {
        DaemonClient(server: server, token: token, tokenFile: tokens)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes `text` to the file `output`, or to standard output.
func writeText(_ text: String, to output: String?) throws {
    guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
    try text.write(toFile: output, atomically: true, encoding: .utf8)
}

/// Writes a line straight to the file descriptor: a test that kills us right after must see it.
func printLine(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}
