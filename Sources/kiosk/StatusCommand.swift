import ArgumentParser
import Foundation
import KioskCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the hall now: windows, lines, tickets.")
    @OptionGroup var hall: HallOptions

    func run() throws {
        guard let local = try hall.readOnlyHall() else {
            throw ValidationError("status reads a journal: give --data-dir (the daemon's hall is GET /v1/hall)")
        }
        let now = try hall.now(in: local.engine.calendar)
        print(StatusText.board(try local.state(at: now), config: local.engine.config), terminator: "")
    }
}
