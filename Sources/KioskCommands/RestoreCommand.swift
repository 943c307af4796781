import ArgumentParser
import Foundation
import KioskCore
import KioskStore

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a verified backup back as the data directory's journal (the daemon must be stopped; the old journal is set aside, not deleted)."
    )
    @Option(name: .long, help: "The daemon's data directory. Default: $STATE_DIRECTORY, else ./var.") var dataDir: String?
    @Option(name: .long, help: "Hall config (its time zone reads the days). Default: the hall the backup recorded, else the embedded default hall.") var config: String?
    @Argument(help: "Backup file (`kiosk backup`).") var file: String

    func run() throws {
        let restore = JournalRestore(verifier: JournalVerifier(config: try config.map { try HallOptions.load(configPath: $0) }))
        let directory = dataDir ?? DefaultDataDirectory.path()
        do {
            let outcome = try restore.restore(backup: file, dataDirectory: directory, at: Date())
            if let aside = outcome.setAside { printLine("the journal it replaced: \(aside)") }
            printLine("restored \(file) into \(directory): \(outcome.report.hall), \(outcome.report.days.count) days, \(outcome.report.events) events")
        } catch let busy as DataDirectoryInUse {
            printError("\(busy.description): stop the daemon first (systemctl stop kiosk)")
            throw ExitCode(1)
        } catch let unsound as VerifyFailure {
            printError("not restored, the copy is not sound: \(unsound)")
            throw ExitCode(1)
        }
    }
}
