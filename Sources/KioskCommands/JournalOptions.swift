import ArgumentParser
import KioskStore

/// Where a read-only command finds the journal and which hall it is (`report`, `ratings`).
struct JournalOptions: ParsableArguments {
    @Option(help: "Hall config file (JSON). Default: the hall the journal recorded, else the embedded default hall.") var config: String?
    @Option(help: "The daemon's data directory (its journal is opened read-only).") var dataDir: String = "./var"

    func open() throws -> JournalReport {
        try JournalReport.openReadOnly(dataDirectory: dataDir, config: config.map { try HallOptions.load(configPath: $0) })
    }
}
