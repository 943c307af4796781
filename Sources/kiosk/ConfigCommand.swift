import ArgumentParser
import Foundation
import KioskCore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check a hall config, or print the embedded default.",
        subcommands: [Check.self, ShowDefault.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate hall config files; print every problem as file:line: message.")
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
                do {
                    let config = try HallConfig.load(json: text)
                    printLine("\(name): ok — \(config.services.count) services, \(config.counters.count) windows, \(config.sessions.count) sessions")
                } catch {
                    for d in error.diagnostics { printError(d.formatted(file: name)) }
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct ShowDefault: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show-default", abstract: "Print the embedded default hall config, to start your own from.")
        func run() { print(HallConfig.defaultHallJSON) }
    }
}
