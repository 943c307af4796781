import ArgumentParser
import Foundation
import KioskCore
import KioskStore

/// `kiosk import`: the inverse of `kiosk export`. Load tests and migrations write whole days
/// (the simulator's, another hall's) into a journal that a daemon or `central push` then reads.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a trace (JSON Lines v1, the export format) into a journal as one day.",
        discussion: """
            The day's config (the trace's meta.config) is recorded as in force from its first event, and \
            its events are appended in order, all in one transaction. A day the journal already holds is \
            refused (nothing written), and so is a day before the journal's newest one: import days \
            oldest first. The daemon must not be running on the data directory.
            """
    )

    @Argument(help: "The trace file (the export format; the simulator's `sim` block is ignored).") var trace: String
    @Option(help: "The data directory whose journal receives the day (created if needed).") var dataDir: String

    func run() throws {
        let text: String
        do {
            text = try TextFile.read(trace)
        } catch {
            throw ValidationError("cannot read \(trace): \(error.localizedDescription)")
        }
        let day: TraceDay
        do {
            day = try TraceDay.read(jsonLines: text)
        } catch {
            printError("\(trace):\(error.description)")
            throw ExitCode(1)
        }
        let hall: LocalHall
        do {
            hall = try LocalHall.openForWriting(config: day.config, dataDirectory: dataDir) { printError("warning: \($0)") }
        } catch let busy as DataDirectoryInUse {
            printError(busy.description)
            throw ExitCode(1)
        }
        do {
            let seqs = try hall.journal.importDay(day)
            let range = seqs.first.map { " (journal seq \($0)–\(seqs.last!))" } ?? ""
            print("imported \(day.date): \(seqs.count) events\(range) into \(dataDir)/journal.sqlite")
        } catch let refusal as ImportRefusal {
            printError("\(trace): \(refusal.description); nothing imported")
            throw ExitCode(1)
        }
    }
}
