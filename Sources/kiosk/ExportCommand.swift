import ArgumentParser
import Foundation
import KioskCore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a business day as a trace (JSON Lines, format v1; no phone numbers)."
    )
    @OptionGroup var hall: HallOptions
    @Option(help: "Business date YYYY-MM-DD (default: the latest day in the journal; from the daemon, today).") var date: String?
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func run() async throws {
        if let date, BusinessDate(date) == nil { throw ValidationError("--date: expected YYYY-MM-DD, got '\(date)'") }
        guard let local = try hall.readOnlyHall() else {
            let path = "/v1/export" + (date.map { "?date=\($0)" } ?? "")
            let text = try await hall.client().text(DaemonClient.Call(method: .get, path: path, role: .supervisor))
            guard let trace = try? TraceDay.read(jsonLines: text), !trace.events.isEmpty else {
                printError("no events on \(date ?? "today") in the daemon's journal at \(hall.server)")
                throw ExitCode(1)
            }
            return try write(text)
        }
        let day: BusinessDate
        if let date, let parsed = BusinessDate(date) {
            day = parsed
        } else {
            guard let latest = try local.journal.latestDate() else { throw ValidationError("the journal in \(hall.dataDir) is empty") }
            day = latest
        }
        let events = try local.journal.events(on: day).map(\.event)
        if local.journal.unreadableRowCount > 0 {
            printError("warning: \(local.journal.unreadableRowCount) journal rows of \(day) cannot be read and are left out (the daemon quarantines them)")
        }
        guard !events.isEmpty else {
            let days = try local.journal.businessDates()
            let held = days.isEmpty ? "it is empty" : "it holds \(days.first!)\(days.count > 1 ? " … \(days.last!) (\(days.count) days)" : "")"
            printError("no events on \(day) in the journal in \(hall.dataDir ?? ""): \(held)")
            throw ExitCode(1)
        }
        // The hall that wrote that day, whatever --config says now.
        let config = try local.journal.config(inForceOn: day)?.config ?? local.engine.config
        let trace = TraceDay(date: day, config: config, events: events)
        try write(trace.jsonLines())
    }

    private func write(_ text: String) throws {
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
