import ArgumentParser
import Foundation
import KioskCore
import KioskStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a business day as a trace (JSON Lines, format v1; no phone numbers)."
    )
    @OptionGroup var hall: HallOptions
    @Option(help: "Business date YYYY-MM-DD (default: the latest day in the journal; from the daemon, today).") var date: String?
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func validate() throws {
        if let date, BusinessDate(date) == nil { throw ValidationError("--date: expected YYYY-MM-DD, got '\(date)'") }
    }

    func run() async throws {
        guard let local = try hall.readOnlyHall() else {
            let path = "/v1/export" + (date.map { "?date=\($0)" } ?? "")
            let text = try await hall.client().text(DaemonClient.Call(method: .get, path: path, role: .supervisor))
            guard let trace = try? TraceDay.read(jsonLines: text), !trace.events.isEmpty else {
                printError("no events on \(date ?? "today") in the daemon's journal at \(hall.server)")
                throw ExitCode(1)
            }
            return try writeText(text, to: output)
        }
        do {
            let trace = try local.exportTrace(on: date.flatMap(BusinessDate.init))
            warnUnreadable(local, on: trace.date)
            try writeText(trace.jsonLines(), to: output)
        } catch LocalHall.ExportProblem.emptyJournal {
            throw ValidationError("the journal in \(hall.dataDir ?? "") is empty")
        } catch let LocalHall.ExportProblem.noEvents(day, held) {
            warnUnreadable(local, on: day)
            printError("no events on \(day) in the journal in \(hall.dataDir ?? ""): \(held)")
            throw ExitCode(1)
        }
    }

    private func warnUnreadable(_ local: LocalHall, on day: BusinessDate) {
        guard local.journal.unreadableRowCount > 0 else { return }
        printError("warning: \(local.journal.unreadableRowCount) journal rows of \(day) cannot be read and are left out (the daemon quarantines them)")
    }
}
