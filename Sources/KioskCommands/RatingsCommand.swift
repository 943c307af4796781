import ArgumentParser
import Foundation
import KioskAPI
import KioskCore
import KioskStore

/// `kiosk ratings`: 差评 follow-ups and the provincial export.
struct RatingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings", abstract: "好差评: follow-ups of bad ratings, closing them, the export for the provincial platform.",
        subcommands: [Followups.self, Close.self, Export.self]
    )

    struct Followups: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "followups", abstract: "The 差评 still to put right (earliest due first); --all lists closed ones too.")
        @OptionGroup var journal: JournalOptions
        @Flag(help: "Closed follow-ups too.") var all = false

        func run() throws {
            let source = try journal.open()
            let book = try source.journal.followUpBook(holidays: source.config.holidays)
            let today = QueueEngine(config: source.config).calendar.businessDate(of: Date())
            let items = all ? book.items : book.open
            if items.isEmpty { print(all ? "no 差评 yet" : "no open follow-ups") }
            for item in items { print(RatingExport.line(item, today: today)) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a follow-up with what was done (supervisor; through the daemon).")
        @Argument(help: "Follow-up id, e.g. 20261201-A023.") var id: String
        @Option(help: "What was done to put it right.") var note: String
        @OptionGroup var hall: HallOptions

        func run() async throws {
            let answer = try await hall.client().send(DaemonClient.Call(
                path: "/v1/ratings/followups/\(id)/close", body: .followUpNote(FollowUpCloseRequest(note: note)), role: .supervisor
            ), as: FollowUpStatus.self)
            print("closed \(answer.id): \(answer.note ?? note)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Every rating of a period, one row per case, for the provincial platform.")
        @OptionGroup var journal: JournalOptions
        @Option(help: "First date YYYY-MM-DD.") var from: String
        @Option(help: "Last date YYYY-MM-DD (default: --from).") var to: String?
        @Option(help: "csv (the only format).") var format: String = "csv"
        @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

        func validate() throws {
            guard format == "csv" else { throw ValidationError("--format: only csv") }
            _ = try period()
        }

        func period() throws -> (from: BusinessDate, to: BusinessDate) {
            do { return try ReportPeriod.parse(date: nil, from: from, to: to) } catch { throw ValidationError("--" + error.message) }
        }

        func run() throws {
            let period = try period()
            let source = try journal.open()
            let text = RatingExport.csv(try source.journal.ratings(from: period.from, to: period.to), config: source.config)
            try writeText(text, to: output)
        }
    }
}
