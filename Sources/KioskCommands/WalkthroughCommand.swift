import ArgumentParser
import Foundation
import KioskCore
import KioskStore

/// A scripted morning on the embedded default hall, on a simulated clock, in a fresh journal:
/// every rule once (an automatic no-show, a cover, a park, a transfer, a refusal). Every step
/// goes through the same engine and journal as the real commands.
struct WalkthroughCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "walkthrough", abstract: "Walk through a scripted morning of tickets on the embedded default hall.")

    @Option(help: "Keep the morning's journal in this directory (default: a temporary one, removed at the end).") var dataDir: String?

    func run() throws {
        let dir = dataDir ?? NSTemporaryDirectory() + "kiosk-walkthrough-\(UUID().uuidString)"
        // Nothing left behind unless asked for: the journal is only worth keeping with --data-dir.
        defer { if dataDir == nil { try? FileManager.default.removeItem(atPath: dir) } }
        let local = try LocalHall.openForWriting(config: .defaultHall, dataDirectory: dir)
        let day = local.engine.calendar.businessDate(of: Date())
        print("== \(local.engine.config.name) — a morning, \(day) ==")
        let state = Walkthrough.morning(on: local, day: day) { print($0) }
        print("")
        print(StatusText.board(state, config: local.engine.config), terminator: "")
        for note in IdleWindowNote.lines(state, config: local.engine.config) { print(note) }
        if dataDir != nil {
            print("\njournal: \(dir)/journal.sqlite — export it with: kiosk export --data-dir \(dir)")
        } else {
            print("\n(a temporary journal, now removed; keep it with --data-dir DIR)")
        }
    }
}
