import Foundation

/// The report as one self-contained HTML page: inline SVG charts, no JavaScript, no outside
/// files, laid out to print on A4. What a hall's supervisor prints or mails each evening.
public struct ReportHTML: Sendable {
    public let report: HallReport

    public init(report: HallReport) {
        self.report = report
    }

    /// Chart colours: served/serving, arrivals, paused, idle, target, p90.
    static let green = "#2e7d32", blue = "#1565c0", orange = "#ef6c00", grey = "#cfd8dc", red = "#c62828", lightBlue = "#90caf9"

    public var document: String {
        let r = report
        let period = r.from == r.to ? r.from.description : "\(r.from) 至 \(r.to)"
        var body = ""
        body += "<header><h1>\(esc(r.hallName)) 业务报表</h1><p class=\"sub\">\(period) · 统计 \(r.days.count) 个营业日 · Daily report</p></header>\n"
        body += summary
        body += section("到号与办结 (每半小时) Arrivals and served per half hour", halfHourChart)
        body += section("等候时间 (按取号小时) Wait p50 / p90 by hour of arrival, against the \(r.targetWaitMinutes)-minute target", waitChart)
        body += section("窗口时间线 Window timeline\(r.timelineDate.map { " · \($0)" } ?? "")", timelineChart)
        body += section("各业务 Per service", serviceTable)
        body += section("各窗口 Per window", windowTable)
        body += section("好差评 Ratings", ratingsBlock)
        body += section("预估与短信 Estimates and SMS", estimatesBlock)
        body += section("短信回复与未确认暂留 SMS replies and calls set aside", repliesTable)
        body += section("即审 Review at the front desk", reviewsTable)
        body += section("调度建议 Staffing advice", "<p>\(esc(r.advice.textLine))</p>\n")
        if report.appointments != nil { body += section("预约 Appointments", appointmentsTable) }
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(esc(r.hallName)) 业务报表 \(period)</title>
        <style>
        @page { size: A4; margin: 12mm; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; font-size: 10pt; color: #212121; margin: 0; }
        h1 { font-size: 16pt; margin: 0 0 2pt 0; }
        h2 { font-size: 11pt; margin: 10pt 0 4pt 0; border-bottom: 1px solid #90a4ae; }
        .sub { margin: 0; color: #546e7a; }
        section { break-inside: avoid; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        th, td { border: 1px solid #cfd8dc; padding: 2pt 4pt; text-align: right; }
        th:first-child, td:first-child, td.text { text-align: left; }
        th { background: #eceff1; }
        .cards { display: flex; gap: 6pt; margin-top: 8pt; }
        .card { flex: 1; border: 1px solid #cfd8dc; padding: 4pt; text-align: center; }
        .card b { display: block; font-size: 14pt; }
        .legend span { margin-right: 10pt; }
        .swatch { display: inline-block; width: 9pt; height: 9pt; margin-right: 3pt; vertical-align: middle; }
        svg { width: 100%; height: auto; }
        .bad { color: \(Self.red); }
        @media screen { body { padding: 12px; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    private func section(_ title: String, _ content: String) -> String {
        "<section><h2>\(esc(title))</h2>\n\(content)</section>\n"
    }

    private var summary: String {
        let h = report.hall
        let cards: [(String, String)] = [
            ("取号 Issued", "\(h.issued)"), ("办结 Served", "\(h.served)"), ("过号 No-show", "\(h.noShow)"),
            ("等候中位 Wait p50", HallReport.minutes(h.waitP50)), ("等候 p90", HallReport.minutes(h.waitP90)),
            ("达标 Within target", HallReport.percent(h.withinTargetShare)), ("满意率 Satisfied", HallReport.percent(report.ratings.satisfiedShare)),
        ]
        return "<div class=\"cards\">" + cards.map { "<div class=\"card\">\(esc($0.0))<b>\(esc($0.1))</b></div>" }.joined() + "</div>\n"
    }

    // MARK: charts

    private static let chartWidth = 680.0, left = 40.0, right = 10.0

    private var halfHourChart: String {
        let slots = report.halfHours
        guard !slots.isEmpty else { return "<p>无数据 No tickets.</p>\n" }
        let height = 170.0, top = 10.0, bottom = 24.0
        let plotW = Self.chartWidth - Self.left - Self.right, plotH = height - top - bottom
        let maxY = niceCeiling(Double(slots.map { max($0.issued, $0.served) }.max() ?? 1))
        let slotW = plotW / Double(slots.count)
        var svg = axes(height: height, top: top, bottom: bottom, maxY: maxY, unit: "")
        for (i, slot) in slots.enumerated() {
            let x = Self.left + Double(i) * slotW
            let barW = max(1, slotW * 0.38)
            for (k, (value, color)) in [(slot.issued, Self.blue), (slot.served, Self.green)].enumerated() {
                let h = plotH * Double(value) / maxY
                svg += rect(x + slotW * 0.1 + Double(k) * barW, top + plotH - h, barW, h, color)
            }
            if i % 2 == 0 || slots.count <= 12 {
                svg += text(x + slotW / 2, height - 8, ClockTime(minutes: slot.start / 60).description, anchor: "middle")
            }
        }
        return svgTag(svg, height: height) + legend([(Self.blue, "取号 arrivals"), (Self.green, "办结 served")])
    }

    private var waitChart: String {
        let rows = report.hours.filter { $0.waitP50 != nil }
        guard !rows.isEmpty else { return "<p>无数据 No calls.</p>\n" }
        let height = 170.0, top = 10.0, bottom = 24.0
        let plotW = Self.chartWidth - Self.left - Self.right, plotH = height - top - bottom
        let target = Double(report.targetWaitMinutes)
        let maxMinutes = niceCeiling(max(target * 1.2, (rows.compactMap(\.waitP90).max() ?? 0) / 60))
        let slotW = plotW / Double(rows.count)
        var svg = axes(height: height, top: top, bottom: bottom, maxY: maxMinutes, unit: "min")
        for (i, row) in rows.enumerated() {
            let x = Self.left + Double(i) * slotW
            let barW = max(1, slotW * 0.35)
            for (k, (value, color)) in [(row.waitP50 ?? 0, Self.blue), (row.waitP90 ?? 0, Self.lightBlue)].enumerated() {
                let h = plotH * (value / 60) / maxMinutes
                svg += rect(x + slotW * 0.15 + Double(k) * barW, top + plotH - h, barW, h, color)
            }
            svg += text(x + slotW / 2, height - 8, "\(row.hour):00", anchor: "middle")
        }
        let y = top + plotH - plotH * target / maxMinutes
        svg += "<line x1=\"\(f(Self.left))\" y1=\"\(f(y))\" x2=\"\(f(Self.chartWidth - Self.right))\" y2=\"\(f(y))\" stroke=\"\(Self.red)\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>"
        svg += text(Self.chartWidth - Self.right - 2, y - 3, "目标 target \(report.targetWaitMinutes) min", anchor: "end", color: Self.red)
        return svgTag(svg, height: height) + legend([(Self.blue, "p50"), (Self.lightBlue, "p90"), (Self.red, "目标 target")])
    }

    private var timelineChart: String {
        let rows = report.timeline
        guard let start = rows.flatMap(\.segments).map(\.start).min(), let end = rows.flatMap(\.segments).map(\.end).max(), end > start else {
            return "<p>无数据 No window time.</p>\n"
        }
        let rowH = 16.0, top = 4.0, bottom = 22.0, labelW = 70.0
        let height = top + Double(rows.count) * rowH + bottom
        let plotW = Self.chartWidth - labelW - Self.right
        let t0 = (start / 3600).rounded(.down) * 3600, t1 = (end / 3600).rounded(.up) * 3600
        func x(_ t: Double) -> Double { labelW + plotW * (t - t0) / (t1 - t0) }
        let colors = ["serving": Self.green, "idle": Self.grey, "paused": Self.orange]
        var svg = ""
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowH
            let name = report.windows.first { $0.id == row.window }?.name ?? row.window
            svg += text(labelW - 4, y + rowH * 0.7, name, anchor: "end")
            for s in row.segments {
                svg += rect(x(s.start), y + 2, max(0.5, x(s.end) - x(s.start)), rowH - 4, colors[s.state] ?? Self.grey)
            }
        }
        var hour = t0
        while hour <= t1 {
            // The last hour's label would be cut at the right edge: end it there instead.
            let atEdge = x(hour) > Self.chartWidth - 20
            svg += text(atEdge ? Self.chartWidth - 1 : x(hour), height - 8, ClockTime(minutes: Int(hour) / 60).description, anchor: atEdge ? "end" : "middle")
            svg += "<line x1=\"\(f(x(hour)))\" y1=\"\(f(top))\" x2=\"\(f(x(hour)))\" y2=\"\(f(height - bottom + 2))\" stroke=\"#90a4ae\" stroke-width=\"0.5\"/>"
            hour += 3600
        }
        return svgTag(svg, height: height) + legend([(Self.green, "办理中 serving"), (Self.grey, "空闲 idle"), (Self.orange, "暂停 paused")])
    }

    // MARK: tables

    private var serviceTable: String {
        var rows = ""
        for s in report.services {
            let g = s.figures
            rows += "<tr><td>\(esc(s.code)) \(esc(s.name))</td><td>\(g.issued)</td><td>\(g.served)</td><td>\(g.noShow)</td><td>\(g.cancelled)</td><td>\(g.transferred)</td>"
            rows += "<td>\(HallReport.minutes(g.waitP50))</td><td>\(HallReport.minutes(g.waitP90))</td><td>\(HallReport.minutes(g.waitMax))</td>"
            rows += "<td>\(HallReport.minutes(g.serveP50))</td><td>\(HallReport.percent(g.withinTargetShare))</td><td>\(s.targetWaitMinutes) min</td></tr>\n"
        }
        return """
        <table><tr><th>业务 Service</th><th>取号</th><th>办结</th><th>过号</th><th>取消</th><th>转办</th><th>等候p50</th><th>等候p90</th><th>最长</th><th>办理p50</th><th>达标</th><th>目标</th></tr>
        \(rows)</table>\n
        """
    }

    private var windowTable: String {
        var rows = ""
        for w in report.windows {
            func share(_ x: Double) -> String { w.time.open > 0 ? HallReport.percent(x / w.time.open) : "–" }
            rows += "<tr><td>\(esc(w.name))</td><td>\(w.served)</td><td>\(HallReport.minutes(w.serveP50))</td><td>\(HallReport.percent(w.time.utilisation))</td>"
            rows += "<td>\(share(w.time.idle))</td><td>\(share(w.time.paused))</td><td>\(HallReport.minutes(w.time.open))</td></tr>\n"
        }
        return """
        <table><tr><th>窗口 Window</th><th>办结</th><th>办理p50</th><th>利用率</th><th>空闲</th><th>暂停</th><th>开放时长</th></tr>
        \(rows)</table>\n
        """
    }

    private var ratingsBlock: String {
        let r = report.ratings
        let maxCount = Double(max(1, r.counts.values.max() ?? 1))
        var svg = ""
        let rowH = 16.0
        for (i, score) in (1...5).reversed().enumerated() {
            let y = Double(i) * rowH
            let n = r.counts[score] ?? 0
            svg += text(96, y + 12, "\(score) \(RatingScale.label(score))", anchor: "end")
            svg += rect(100, y + 2, 480 * Double(n) / maxCount, rowH - 4, RatingScale.isBad(score) ? Self.red : Self.green)
            svg += text(104 + 480 * Double(n) / maxCount, y + 12, "\(n)")
        }
        var out = "<p>评价 \(r.total) 条 · 平均 \(r.mean.map { String(format: "%.2f", $0) } ?? "–") 分 · 满意率 (4–5分) \(HallReport.percent(r.satisfiedShare)) · 逾期未整改 overdue \(r.overdue)</p>\n"
        out += svgTag(svg, height: rowH * 5 + 2)
        if r.bad.isEmpty {
            out += "<p>无差评 No 差评 in this period.</p>\n"
        } else {
            out += "<table><tr><th>差评 ID</th><th>业务</th><th>窗口</th><th>评分</th><th>原因 Reason</th><th>整改期限 Due</th><th>整改 Follow-up</th></tr>\n"
            for item in r.bad {
                let state = item.isClosed ? "已整改 " + esc(item.note ?? "") : "<span class=\"bad\">待整改 open</span>"
                out += "<tr><td>\(esc(item.id))</td><td class=\"text\">\(esc(item.rating.service))</td><td class=\"text\">\(esc(item.rating.counter))</td>"
                out += "<td class=\"text\">\(item.rating.score) \(RatingScale.label(item.rating.score))</td><td class=\"text\">\(esc(item.rating.reason ?? ""))</td>"
                out += "<td>\(item.due)</td><td class=\"text\">\(state)</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out
    }

    private var estimatesBlock: String {
        let e = report.estimates
        var out = "<p>预估等候 Printed estimates: \(e.called) 张已叫号 · MAE \(String(format: "%.1f", e.maeMinutes)) min · 低估超过5分钟 \(HallReport.percent(e.under5)) · 提醒准时 heads-up on time \(HallReport.percent(e.headsUpOnTime)) · 偏晚 late \(HallReport.percent(e.headsUpLate))</p>\n"
        if !report.sms.isEmpty {
            out += "<table><tr><th>短信 SMS trigger</th><th>状态 States</th></tr>\n"
            for (trigger, states) in report.sms.sorted(by: { $0.key < $1.key }) {
                out += "<tr><td>\(esc(trigger))</td><td class=\"text\">\(states.sorted { $0.key < $1.key }.map { "\(esc($0.key)) \($0.value)" }.joined(separator: " · "))</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out
    }

    /// The hall's reply figures, then each service's that had any.
    private var repliesTable: String {
        let r = report.replies
        guard r != ReplyFigures() else { return "<p>无短信回复 No SMS replies and no calls set aside in this period.</p>\n" }
        func row(_ name: String, _ f: ReplyFigures) -> String {
            "<tr><td>\(esc(name))</td><td>\(f.received)</td><td>\(f.acknowledged)</td><td>\(f.cancelled)</td><td>\(f.helpRequests)</td><td>\(f.escalated)</td><td>\(f.noShowsAvoided)</td></tr>\n"
        }
        var rows = row("全厅 Hall", r)
        for s in report.services where s.replies != ReplyFigures() { rows += row("\(s.code) \(s.name)", s.replies) }
        return """
        <table><tr><th>范围 Scope</th><th>收到回复 received</th><th>确认前往 acknowledged</th><th>回复取消 cancelled</th><th>求助 help</th><th>未确认暂留 set aside</th><th>免于过号 no-shows avoided</th></tr>
        \(rows)</table>\n
        """
    }

    /// 即审: the hall's cases, then each service's with its returns by reason.
    private var reviewsTable: String {
        let v = report.reviews
        guard v.handedOver > 0 else { return "<p>无送审 No case was handed to review in this period.</p>\n" }
        func row(_ name: String, _ f: ReviewFigures.Scope) -> String {
            let reasons = f.returnedByReason.sorted { $0.key < $1.key }.map { "\(esc($0.key)) \($0.value)" }.joined(separator: " · ")
            return "<tr><td>\(esc(name))</td><td>\(f.handedOver)</td><td>\(f.reviewed)</td><td>\(f.approved)</td><td>\(f.returned)</td>"
                + "<td>\(HallReport.minutes(f.waitP50))</td><td>\(HallReport.minutes(f.waitP90))</td><td>\(HallReport.minutes(f.timeP50))</td>"
                + "<td>\(HallReport.minutes(f.timeP90))</td><td class=\"text\">\(reasons)</td></tr>\n"
        }
        var rows = row("全厅 Hall", v)
        for s in report.services where s.reviews.handedOver > 0 { rows += row("\(s.code) \(s.name)", s.reviews) }
        return """
        <table><tr><th>范围 Scope</th><th>送审</th><th>审结</th><th>通过</th><th>退回</th><th>等审p50</th><th>等审p90</th><th>审核p50</th><th>审核p90</th><th>退回原因 Reasons</th></tr>
        \(rows)</table>\n
        """
    }

    /// 预约: how the period's bookings ended, and the appointments' waits beside the walk-ins'.
    private var appointmentsTable: String {
        guard let a = report.appointments else { return "" }
        return """
        <table id="appointments"><tr><th>预约 Booked</th><th>按时签到 On time</th><th>迟到改现场 Late</th><th>爽约 No-show</th><th>取消 Cancelled</th>\
        <th>按时率 On-time rate</th><th>爽约率 No-show rate</th><th>预约等候p50 Appt. wait p50</th><th>p90</th><th>现场等候p50 Walk-in wait p50</th><th>p90</th></tr>
        <tr><td>\(a.booked)</td><td>\(a.onTime)</td><td>\(a.late)</td><td>\(a.noShow)</td><td>\(a.cancelled)</td>\
        <td>\(HallReport.percent(a.onTimeRate))</td><td>\(HallReport.percent(a.noShowRate))</td>\
        <td>\(HallReport.minutes(a.appointmentWaitP50))</td><td>\(HallReport.minutes(a.appointmentWaitP90))</td>\
        <td>\(HallReport.minutes(a.walkInWaitP50))</td><td>\(HallReport.minutes(a.walkInWaitP90))</td></tr></table>
        <p>预约等候自预约时段起算，现场等候自取号起算 An appointment's wait runs from its slot, a walk-in's from its ticket.</p>\n
        """
    }

    // MARK: drawing helpers

    private func axes(height: Double, top: Double, bottom: Double, maxY: Double, unit: String) -> String {
        let plotH = height - top - bottom
        var svg = ""
        for k in 0...4 {
            let value = maxY * Double(k) / 4
            let y = top + plotH - plotH * Double(k) / 4
            svg += "<line x1=\"\(f(Self.left))\" y1=\"\(f(y))\" x2=\"\(f(Self.chartWidth - Self.right))\" y2=\"\(f(y))\" stroke=\"#eceff1\" stroke-width=\"1\"/>"
            svg += text(Self.left - 4, y + 3, JSONValue.format(value) + (k == 4 ? unit : ""), anchor: "end")
        }
        return svg
    }

    private func svgTag(_ content: String, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(Self.chartWidth)) \(f(height))\" font-size=\"9\">\(content)</svg>\n"
    }

    private func legend(_ items: [(String, String)]) -> String {
        "<p class=\"legend\">" + items.map { "<span><i class=\"swatch\" style=\"background:\($0.0)\"></i>\(esc($0.1))</span>" }.joined() + "</p>\n"
    }

    private func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ color: String) -> String {
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, w)))\" height=\"\(f(max(0, h)))\" fill=\"\(color)\"/>"
    }

    private func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", color: String = "#37474f") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" fill=\"\(color)\">\(esc(s))</text>"
    }

    /// 1, 2, 5 × 10^k at or above `x` (at least 1): an axis maximum people can read.
    private func niceCeiling(_ x: Double) -> Double {
        guard x > 1 else { return 1 }
        let magnitude = pow(10, (log10(x)).rounded(.down))
        for step in [1.0, 2, 4, 5, 10] where step * magnitude >= x { return step * magnitude }
        return 10 * magnitude
    }

    private func f(_ x: Double) -> String { String(format: "%.1f", x) }

    private func esc(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
