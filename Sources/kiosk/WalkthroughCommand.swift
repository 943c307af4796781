import ArgumentParser
import Foundation
import KioskCore
import KioskStore

/// A scripted morning on the embedded default hall, on a simulated clock, in a fresh journal:
/// every rule once (an automatic no-show, a cover, a park, a transfer, a refusal). Every step
/// goes through the same engine and journal as the real commands.
struct WalkthroughCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "walkthrough", abstract: "Walk through a scripted morning of tickets on the embedded default hall.")

    @Option(help: "Journal directory for the demo (default: a new temporary directory).") var dataDir: String?

    func run() throws {
        let dir = dataDir ?? NSTemporaryDirectory() + "kiosk-demo-\(ProcessInfo.processInfo.processIdentifier)"
        let local = try LocalHall.openForWriting(config: .defaultHall, dataDirectory: dir)
        let day = local.engine.calendar.businessDate(of: Date())
        print("== \(local.engine.config.name) — a morning, \(day) ==")
        let state = Walkthrough.morning(on: local, day: day) { print($0) }
        print("")
        print(StatusText.board(state, config: local.engine.config), terminator: "")
        print("\njournal: \(dir)/journal.sqlite — export it with: kiosk export --data-dir \(dir)")
    }
}
