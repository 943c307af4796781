import Foundation

extension HallReport {
    /// The per-service table as CSV (RFC 4180), a hall row first: what a spreadsheet opens.
    public var csv: String {
        let header = ["scope", "code", "name", "issued", "served", "no_show", "cancelled", "transferred",
                      "wait_p50_s", "wait_p90_s", "wait_max_s", "serve_p50_s", "serve_p90_s", "within_target_share", "target_wait_min",
                      "replies_received", "replies_acknowledged", "replies_cancelled", "replies_help", "set_aside_unanswered", "no_shows_avoided",
                      "reviews_handed_over", "reviews_approved", "reviews_returned", "review_wait_p50_s", "review_wait_p90_s",
                      "review_p50_s", "review_p90_s"]
        func row(_ scope: String, _ code: String, _ name: String, _ f: Figures, _ target: Int, _ r: ReplyFigures, _ v: ReviewFigures.Scope) -> [String] {
            [scope, code, name, "\(f.issued)", "\(f.served)", "\(f.noShow)", "\(f.cancelled)", "\(f.transferred)",
             Self.number(f.waitP50), Self.number(f.waitP90), Self.number(f.waitMax), Self.number(f.serveP50), Self.number(f.serveP90),
             Self.number(f.withinTargetShare), "\(target)",
             "\(r.received)", "\(r.acknowledged)", "\(r.cancelled)", "\(r.helpRequests)", "\(r.escalated)", "\(r.noShowsAvoided)",
             "\(v.handedOver)", "\(v.approved)", "\(v.returned)", Self.number(v.waitP50), Self.number(v.waitP90),
             Self.number(v.timeP50), Self.number(v.timeP90)]
        }
        var rows = [header, row("hall", "", hallName, hall, targetWaitMinutes, replies, reviews)]
        rows += services.map { row("service", $0.code, $0.name, $0.figures, $0.targetWaitMinutes, $0.replies, $0.reviews) }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The report as text for a terminal: the hall, the services, the windows, ratings.
    /// `columns` is the display width of a string (the terminal's, CJK = 2; KioskDisplay's).
    public func table(columns width: (String) -> Int) -> String {
        var out: [String] = []
        let period = from == to ? from.description : "\(from) – \(to)"
        out.append("\(hallName) · \(period) · \(days.count) day(s) with events")
        out.append("取号 issued \(hall.issued) · 办结 served \(hall.served) · 过号 no-show \(hall.noShow) · 取消 cancelled \(hall.cancelled) · 转办 transferred \(hall.transferred)")
        out.append("等候 wait p50 \(Self.minutes(hall.waitP50)) · p90 \(Self.minutes(hall.waitP90)) · max \(Self.minutes(hall.waitMax)) · 办理 service p50 \(Self.minutes(hall.serveP50)) · within target \(Self.percent(hall.withinTargetShare))")
        out.append("")
        out.append(Self.columns(width,
            ["svc", "issued", "served", "no-show", "wait p50", "wait p90", "wait max", "serve p50", "≤target", "target"],
            services.map { s in
                let f = s.figures
                return ["\(s.code) \(s.name)", "\(f.issued)", "\(f.served)", "\(f.noShow)", Self.minutes(f.waitP50), Self.minutes(f.waitP90),
                        Self.minutes(f.waitMax), Self.minutes(f.serveP50), Self.percent(f.withinTargetShare), "\(s.targetWaitMinutes) min"]
            }
        ))
        out.append("")
        out.append(Self.columns(width,
            ["window", "served", "serve p50", "utilisation", "idle", "paused", "open"],
            windows.map { w in
                func share(_ x: Double) -> String { w.time.open > 0 ? Self.percent(x / w.time.open) : "–" }
                return [w.name, "\(w.served)", Self.minutes(w.serveP50), Self.percent(w.time.utilisation), share(w.time.idle),
                        share(w.time.paused), Self.minutes(w.time.open)]
            }
        ))
        out.append("")
        let counts = (1...5).reversed().map { "\(RatingScale.label($0)) \(ratings.counts[$0] ?? 0)" }.joined(separator: " · ")
        out.append("好差评 ratings \(ratings.total): \(counts) · 满意率 \(Self.percent(ratings.satisfiedShare))")
        for f in ratings.bad {
            out.append("  差评 \(f.id) \(f.rating.service) @\(f.rating.counter) \(f.rating.score)分 \(f.rating.reason ?? "") · due \(f.due) · \(f.isClosed ? "closed: \(f.note ?? "")" : "OPEN")")
        }
        out.append("estimates: MAE \(JSONValue.format(estimates.maeMinutes)) min · under-estimated >5 min \(Self.percent(estimates.under5)) · heads-up on time \(Self.percent(estimates.headsUpOnTime)) · late \(Self.percent(estimates.headsUpLate))")
        if replies != ReplyFigures() {
            out.append("短信回复 replies \(replies.received): 确认 acknowledged \(replies.acknowledged) · 取消 cancelled \(replies.cancelled) · 求助 help \(replies.helpRequests) · 未确认暂留 set aside \(replies.escalated) · 免于过号 no-shows avoided \(replies.noShowsAvoided)")
        }
        out.append(advice.textLine)
        if let a = appointments {
            out.append("预约 appointments \(a.booked): 按时签到 on time \(a.onTime) (\(Self.percent(a.onTimeRate))) · 迟到改现场 late \(a.late) · 爽约 no-show \(a.noShow) (\(Self.percent(a.noShowRate))) · 取消 cancelled \(a.cancelled) · 等候 wait from slot p50 \(Self.minutes(a.appointmentWaitP50)) p90 \(Self.minutes(a.appointmentWaitP90)) · 现场 walk-ins p50 \(Self.minutes(a.walkInWaitP50)) p90 \(Self.minutes(a.walkInWaitP90))")
        }
        if reviews != ReviewFigures.Scope() {
            out.append("即审 reviews: 送审 handed over \(reviews.handedOver) · 审结 reviewed \(reviews.reviewed) · 通过 approved \(reviews.approved) · 退回 returned \(reviews.returned) · 等审 wait p50 \(Self.minutes(reviews.waitP50)) p90 \(Self.minutes(reviews.waitP90)) · 审核 review p50 \(Self.minutes(reviews.timeP50)) p90 \(Self.minutes(reviews.timeP90))")
            for s in services where s.reviews != ReviewFigures.Scope() {
                let reasons = s.reviews.returnedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · ")
                out.append("  \(s.code) \(s.name): 送审 \(s.reviews.handedOver) · 通过 \(s.reviews.approved) · 退回 \(s.reviews.returned)\(reasons.isEmpty ? "" : " (\(reasons))") · wait p50 \(Self.minutes(s.reviews.waitP50)) · review p50 \(Self.minutes(s.reviews.timeP50))")
            }
        }
        if !sms.isEmpty {
            out.append("SMS: " + sms.sorted { $0.key < $1.key }.map { trigger, states in
                "\(trigger) " + states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "/")
            }.joined(separator: " · "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func number(_ x: Double?) -> String { x.map { JSONValue.format($0) } ?? "" }
    static func minutes(_ seconds: Double?) -> String {
        guard let seconds else { return "–" }
        return String(format: "%.1f min", seconds / 60)
    }
    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return String(format: "%.0f%%", share * 100)
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Left-aligned columns, padded to the widest cell by display width.
    static func columns(_ width: (String) -> Int, _ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { width($0[i]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in cell + String(repeating: " ", count: max(0, widths[i] - width(cell))) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
