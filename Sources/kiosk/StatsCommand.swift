import ArgumentParser
import Foundation
import KioskAPI
import KioskCore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Today's self-measured accuracy of the printed wait estimates (from the daemon, or a journal with --data-dir).")
    @OptionGroup var hall: HallOptions

    func run() async throws {
        let stats: StatsAnswer
        if let local = try hall.readOnlyHall() {
            let now = try hall.now(in: local.engine.calendar)
            let day = local.engine.calendar.businessDate(of: now)
            stats = StatsAnswer(try local.accuracy(on: day), replies: try local.replies(on: day))
        } else {
            stats = try await hall.client().send(DaemonClient.Call(method: .get, path: "/v1/stats", role: .display), as: StatsAnswer.self)
        }
        func number(_ v: Double) -> String { JSONValue.format(v) }
        print("called with an estimate: \(stats.calledWithEstimate)")
        print("MAE \(number(stats.maeMin)) min · bias \(number(stats.biasMin)) min · under-estimated >5 min: \(number(stats.under5Share)) · recent MAE \(number(stats.recentMAEMin)) min")
        let h = stats.headsUp
        print("heads-up (waits ≥ 15 min): \(h.scored) scored · on time \(number(h.onTimeShare)) · early \(number(h.earlyShare)) · late \(number(h.lateShare))")
        let r = stats.replies
        print("SMS replies: \(r.received) received · \(r.acknowledged) acknowledged · \(r.cancelled) cancelled · \(r.help) help · \(r.escalated) set aside unanswered · \(r.noShowsAvoided) no-shows avoided")
    }
}
