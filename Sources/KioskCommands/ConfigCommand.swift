import ArgumentParser
import Foundation
import KioskAPI
import KioskCore
import KioskStore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check a hall config, apply it to the running daemon, or print the embedded default.",
        subcommands: [Check.self, Apply.self, ConfigAddServiceCommand.self, ShowDefault.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate hall config files; print every problem as file:line: message.",
            discussion: "Errors make the file unusable and exit 1; warnings (file:line: warning: …) point at a choice worth making on purpose and still exit 0."
        )
        @Argument(help: "Config files (JSON). None: check the embedded default hall.") var files: [String] = []
        @Flag(help: "Check it for a hall that ships to a central database (serve --central, central push): hall.id is required.")
        var central = false

        func run() throws {
            let check = ConfigFilesCheck(files: files, central: central) { try TextFile.read($0) }
            for line in check.lines {
                switch line {
                case let .problem(text): printError(text)
                case let .summary(text): printLine(text)
                }
            }
            if check.failed { throw ExitCode(1) }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a hall config in force in the running daemon, without a restart (admin); print what changed.",
            discussion: """
                The file is checked as `kiosk config check` checks it (errors: exit 1, nothing sent), then sent to the daemon \
                (PUT /v1/config), which checks it again and journals it as a config event: screens, ticket machines and window \
                terminals show the change at once, new windows get tokens. Refused (exit 3) while it would remove a service \
                somebody is still waiting for or a window with a ticket, or change hall.time_zone, limits or the SMS gateway \
                (those need a restart). Keep the file the daemon's --config names in step: a restart keeps the applied config \
                only while that file is unchanged since the last start.
                """
        )
        @Argument(help: "The new hall config (JSON).") var file: String
        @OptionGroup var daemon: ConfigUpload.Daemon

        func run() async throws {
            let text = try ConfigUpload.read(file)
            // `config check`'s own check first: its lines name the file, and nothing is sent on an error.
            let check = ConfigCheck(name: file, json: text)
            for problem in check.problems { printError(problem) }
            if check.failed {
                printError("\(file): not applied")
                throw ExitCode(1)
            }
            let answer = try await ConfigUpload.apply(text, through: daemon.client)
            guard answer.changed, let version = answer.version else {
                printLine("no change: the hall already runs on \(file)")
                return
            }
            printLine("applied \(file) as hall config version \(version):")
            for line in answer.changes { printLine("  \(line)") }
            for window in answer.newWindows {
                printLine("window \(window) has a token now: kiosk tokens issue --window \(window) -o window\(window).token (on the daemon's machine)")
            }
        }
    }

    struct ShowDefault: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show-default", abstract: "Print the embedded default hall config, to start your own from.")
        func run() { print(HallConfig.defaultHallJSON) }
    }
}
