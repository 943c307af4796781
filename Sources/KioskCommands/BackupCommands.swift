import ArgumentParser
import Foundation
import KioskCore
import KioskStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the journal safely while the daemon runs (SQLite online backup, read-only on the journal), then verify the copy.",
        discussion: "OUT is a file, or a folder of dated copies (with --keep N, or when OUT is a folder). The copy is 0600."
    )
    @Option(name: .long, help: "The daemon's data directory. Default: $STATE_DIRECTORY, else ./var.") var dataDir: String?
    @Option(name: .long, help: "Hall config (its time zone reads the days). Default: the hall the journal recorded, else the embedded default hall.") var config: String?
    @Option(name: .long, help: "OUT is a folder: keep the newest N dated copies, delete older ones.") var keep: Int?
    @Argument(help: "Backup file or folder.") var output: String

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
    }

    func run() throws {
        let hallConfig = try config.map { try HallOptions.load(configPath: $0) }
        let (file, folder) = try BackupFolder.destination(for: output, keep: keep, at: Date())
        let summary = try JournalBackup.write(dataDirectory: dataDir ?? DefaultDataDirectory.path(), to: file)
        let report: JournalVerifier.Report
        do {
            report = try JournalVerifier(config: hallConfig).verify(file: file)
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            printError("the copy did not verify, removed: \(error)")
            throw ExitCode(1)
        }
        printLine("backup \(file): \(summary.events) events, \(report.days.count) days, last seq \(summary.lastSeq.map(String.init) ?? "-"); verified as \(report.hall)")
        if let folder, let keep {
            for removed in try folder.prune(keeping: keep) { printLine("removed old backup \(removed)") }
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a backup: SQLite integrity, then every event of every day read and folded (exit 1 if not sound)."
    )
    @Option(name: .long, help: "Hall config (its time zone reads the days). Default: the hall the copy recorded, else the embedded default hall.") var config: String?
    @Argument(help: "Backup file (or a stopped daemon's journal.sqlite).") var file: String

    func run() throws {
        let hallConfig = try config.map { try HallOptions.load(configPath: $0) }
        do {
            let report = try JournalVerifier(config: hallConfig).verify(file: file)
            for day in report.days {
                printLine("\(day.date)  \(day.events) events  \(day.issued) tickets  \(day.done) done  \(day.open) open")
            }
            printLine("ok: \(file): \(report.hall), \(report.days.count) days, \(report.events) events")
        } catch {
            printError("not sound: \(file): \(error)")
            throw ExitCode(1)
        }
    }
}
