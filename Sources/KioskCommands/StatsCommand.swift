import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Today's self-measured accuracy of the printed wait estimates (from the daemon, or a journal with --data-dir).")
    @OptionGroup var hall: HallOptions

    func run() async throws {
        var stats: StatsAnswer
        if let local = try hall.readOnlyHall() {
            let now = try hall.now(in: local.engine.calendar)
            let day = local.engine.calendar.businessDate(of: now)
            stats = StatsAnswer(try local.accuracy(on: day), replies: try local.replies(on: day), reviews: try local.reviews(on: day))
            if local.engine.config.takesAppointments {
                stats.appointments = StatsAnswer.Appointments(AppointmentFigures(state: try local.state(at: now), date: day))
            }
        } else {
            stats = try await hall.client().send(DaemonClient.Call(method: .get, path: "/v1/stats", role: .display), as: StatsAnswer.self)
        }
        for line in stats.textLines { print(line) }
    }
}
