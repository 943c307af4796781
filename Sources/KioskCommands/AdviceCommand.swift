import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

/// `kiosk advice`: the staffing moves that would shorten the line now, with the projection
/// before and after (issue 18). Through the daemon (`GET /v1/advice`, supervisor), or offline
/// on a journal with `--data-dir` (its current day up to `--at`, nothing written).
struct AdviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advice",
        abstract: "Staffing advice: which move (resume, open, cover, end a cover, add a service) shortens the longest wait, with before/after figures.",
        discussion: """
            With --data-dir the journal is read directly (works beside a daemon, writes nothing): \
            the day is the journal's newest event's, folded up to --at (HH:MM[:SS] on that day, or \
            'YYYY-MM-DD HH:MM[:SS]'; default: the newest event).
            """
    )
    @OptionGroup var hall: HallOptions
    @Flag(help: "Print the JSON answer (as GET /v1/advice answers it).") var json = false

    func run() async throws {
        let answer: AdviceAnswer
        if let local = try hall.readOnlyHall() {
            let calendar = local.engine.calendar
            let newest = try local.journal.lastEventInstant()
            let day = calendar.businessDate(of: newest ?? Date())
            var now = newest ?? Date()
            if let at = hall.at {
                guard let instant = HallLocalTime.parse(at, calendar: calendar, today: day) else { throw HallOptions.malformed(at: at) }
                now = instant
            }
            answer = AdviceAnswer(try local.advice(at: now), config: local.engine.config, calendar: calendar, configFile: hall.config)
        } else {
            answer = try await hall.client().send(DaemonClient.Call(method: .get, path: "/v1/advice", role: .supervisor), as: AdviceAnswer.self)
        }
        if json {
            print(try APICoding.string(answer))
        } else {
            for line in answer.textLines { print(line) }
        }
    }
}
