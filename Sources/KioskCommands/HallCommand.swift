import ArgumentParser
import Foundation
import KioskCore
import KioskStore

/// A CLI command that sends one engine command: to the daemon over HTTP, or with `--data-dir`
/// straight to a journal. Either way it prints what happened.
protocol HallCommand: AsyncParsableCommand {
    var hall: HallOptions { get }
    /// The command for a journal worked on directly.
    func command(at now: Date, in engine: QueueEngine) throws -> Command
    /// The same command as an API call to the daemon.
    var remote: DaemonClient.Call { get throws }
}

extension HallCommand {
    func run() async throws {
        if let local = try hall.localHall() {
            let now = try hall.now(in: local.engine.calendar)
            let outcome = try execute(command(at: now, in: local.engine), on: local, at: now)
            for event in outcome.events { printLine(EventText.describe(event, in: outcome.state, config: local.engine.config)) }
        } else {
            let client = hall.client()
            let answer = try await client.send(remote)
            // Named as the daemon's hall names its lines (the CLI's config may be another hall's).
            for line in answer.eventTexts(config: try hall.loadConfig(), services: await client.services()) { printLine(line) }
        }
    }
}

/// Runs a command and turns a refusal into a clear message and exit status 3.
func execute(_ command: Command, on local: LocalHall, at now: Date, contact: TicketContact? = nil) throws -> LocalHall.Outcome {
    do {
        return try local.execute(command, at: now, contact: contact)
    } catch {
        throw refusal(error)
    }
}

/// Runs `body` (commands on the journal) and turns a refusal into a clear message and exit status 3.
func refusing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw refusal(error)
    }
}

/// A refusal printed (`refused [code]: …`) and turned into exit status 3; any other error as it is.
private func refusal(_ error: any Error) -> any Error {
    switch error {
    case let error as QueueError:
        printError("refused [\(error.code)]: \(error.message)")
        return ExitCode(3)
    case let error as ClockBehindJournal:
        printError("refused [clock_behind_journal]: \(error)")
        return ExitCode(3)
    default:
        return error
    }
}
