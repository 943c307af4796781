import KioskCore

extension StatsAnswer {
    /// `kiosk stats` in words, one line each: the estimates, the heads-ups, the SMS replies,
    /// the 即审 reviews (and per service), the appointments in a hall that takes them.
    public var textLines: [String] {
        func number(_ v: Double) -> String { JSONValue.format(v) }
        func minutes(_ s: Double?) -> String { s.map { number(($0 / 6).rounded() / 10) + " min" } ?? "–" }
        let h = headsUp, r = replies, v = reviews
        var lines = [
            "called with an estimate: \(calledWithEstimate)",
            "MAE \(number(maeMin)) min · bias \(number(biasMin)) min · under-estimated >5 min: \(number(under5Share)) · recent MAE \(number(recentMAEMin)) min",
            "heads-up (waits ≥ 15 min): \(h.scored) scored · on time \(number(h.onTimeShare)) · early \(number(h.earlyShare)) · late \(number(h.lateShare))",
            "SMS replies: \(r.received) received · \(r.acknowledged) acknowledged · \(r.cancelled) cancelled · \(r.help) help · \(r.escalated) set aside unanswered · \(r.noShowsAvoided) no-shows avoided",
            "即审 reviews: \(v.handedOver) handed over · \(v.reviewed) reviewed · \(v.approved) approved · \(v.returned) returned · wait p50 \(minutes(v.waitP50S)) p90 \(minutes(v.waitP90S)) · review p50 \(minutes(v.reviewP50S)) p90 \(minutes(v.reviewP90S))",
        ]
        for (code, s) in (v.services ?? [:]).sorted(by: { $0.key < $1.key }) {
            let reasons = s.returnedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  \(code): \(s.handedOver) handed over · \(s.approved) approved · \(s.returned) returned\(reasons.isEmpty ? "" : " (\(reasons))") · wait p50 \(minutes(s.waitP50S)) · review p50 \(minutes(s.reviewP50S))")
        }
        if let a = appointments {
            lines.append("appointments (预约): \(a.booked) booked · \(a.checkedIn) checked in · \(a.noShow) no-show · \(a.cancelled) cancelled · wait slot → call mean \(number(a.waitMeanS)) s, max \(number(a.waitMaxS)) s (\(a.called) called)")
        }
        return lines
    }
}
