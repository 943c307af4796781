import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the hall now: windows, lines, tickets (from the daemon, or a journal with --data-dir).")
    @OptionGroup var hall: HallOptions

    func run() async throws {
        guard let local = try hall.readOnlyHall() else {
            let snapshot = try await hall.client().send(DaemonClient.Call(method: .get, path: "/v1/hall", role: .display), as: HallSnapshot.self)
            return print(snapshot.board, terminator: "")
        }
        let now = try hall.now(in: local.engine.calendar)
        print(StatusText.board(try local.state(at: now), config: local.engine.config), terminator: "")
    }
}
