import ArgumentParser
import Foundation
import KioskCore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check a hall config, or print the embedded default.",
        subcommands: [Check.self, ShowDefault.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate hall config files; print every problem as file:line: message.",
            discussion: "Errors make the file unusable and exit 1; warnings (file:line: warning: …) point at a choice worth making on purpose and still exit 0."
        )
        @Argument(help: "Config files (JSON). None: check the embedded default hall.") var files: [String] = []

        func run() throws {
            var failed = false
            let inputs: [(String, String?)] = files.isEmpty ? [("<embedded default>", HallConfig.defaultHallJSON)] : files.map { ($0, nil) }
            for (name, embedded) in inputs {
                let text: String
                if let embedded {
                    text = embedded
                } else {
                    do {
                        text = try String(contentsOfFile: name, encoding: .utf8)
                    } catch {
                        printError("\(name): cannot read: \(error.localizedDescription)")
                        failed = true
                        continue
                    }
                }
                let check = ConfigCheck(name: name, json: text)
                for problem in check.problems { printError(problem) }
                if let summary = check.summary { printLine(summary) } else { failed = true }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct ShowDefault: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show-default", abstract: "Print the embedded default hall config, to start your own from.")
        func run() { print(HallConfig.defaultHallJSON) }
    }
}
