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
        func number(_ v: Double) -> String { JSONValue.format(v) }
        print("called with an estimate: \(stats.calledWithEstimate)")
        print("MAE \(number(stats.maeMin)) min · bias \(number(stats.biasMin)) min · under-estimated >5 min: \(number(stats.under5Share)) · recent MAE \(number(stats.recentMAEMin)) min")
        let h = stats.headsUp
        print("heads-up (waits ≥ 15 min): \(h.scored) scored · on time \(number(h.onTimeShare)) · early \(number(h.earlyShare)) · late \(number(h.lateShare))")
        let r = stats.replies
        print("SMS replies: \(r.received) received · \(r.acknowledged) acknowledged · \(r.cancelled) cancelled · \(r.help) help · \(r.escalated) set aside unanswered · \(r.noShowsAvoided) no-shows avoided")
        let v = stats.reviews
        func minutes(_ s: Double?) -> String { s.map { number(($0 / 6).rounded() / 10) + " min" } ?? "–" }
        print("即审 reviews: \(v.handedOver) handed over · \(v.reviewed) reviewed · \(v.approved) approved · \(v.returned) returned · wait p50 \(minutes(v.waitP50S)) p90 \(minutes(v.waitP90S)) · review p50 \(minutes(v.reviewP50S)) p90 \(minutes(v.reviewP90S))")
        for (code, s) in (v.services ?? [:]).sorted(by: { $0.key < $1.key }) {
            let reasons = s.returnedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("  \(code): \(s.handedOver) handed over · \(s.approved) approved · \(s.returned) returned\(reasons.isEmpty ? "" : " (\(reasons))") · wait p50 \(minutes(s.waitP50S)) · review p50 \(minutes(s.reviewP50S))")
        }
        if let a = stats.appointments {
            print("appointments (预约): \(a.booked) booked · \(a.checkedIn) checked in · \(a.noShow) no-show · \(a.cancelled) cancelled · wait slot → call mean \(number(a.waitMeanS)) s, max \(number(a.waitMaxS)) s (\(a.called) called)")
        }
    }
}
