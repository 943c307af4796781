import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

/// `kiosk config add-service W S --config FILE`: window W also serves S from now on, the
/// command a staffing advice of kind `add_service` names. Only a service W's `may_serve`
/// lists. The edited file is put in force in the daemon first (`PUT /v1/config`, admin) and
/// written back only once the daemon took it, so the file and the hall stay in step.
struct ConfigAddServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-service",
        abstract: "Let a window also serve a service its may_serve lists: edit the config file and apply it live (admin)."
    )
    @Argument(help: "Window id.") var window: String
    @Argument(help: "Service letter.") var service: String
    @Option(help: "The hall config file the daemon runs on (--config of kiosk serve); edited in place.") var config: String
    @OptionGroup var daemon: ConfigUpload.Daemon

    func run() async throws {
        let text = try ConfigUpload.read(config)
        let edited: String
        do {
            edited = try ConfigFileEdit.addingService(service.uppercased(), toWindow: window, in: text)
        } catch {
            printError("\(config): \(error)")
            throw ExitCode(1)
        }
        let answer = try await ConfigUpload.apply(edited, through: daemon.client)
        try edited.write(toFile: config, atomically: true, encoding: .utf8)
        guard answer.changed, let version = answer.version else {
            printLine("no change: the hall already runs on the edited \(config)")
            return
        }
        printLine("window \(window) also serves \(service.uppercased()) (hall config version \(version), \(config) updated):")
        for line in answer.changes { printLine("  \(line)") }
    }
}
