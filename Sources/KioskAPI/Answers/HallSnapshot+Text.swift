extension HallSnapshot {
    /// `kiosk status` against a running daemon: the snapshot as a plain board, in the words of
    /// the journal-read board (`StatusText`): windows, their tickets, the lines.
    public var board: String {
        var out = "\(hall.name) · \(hall.date ?? "no business day yet") \(hall.clock)"
        out += hall.issuing ? " · 取号中 issuing\n" : " · 未在取号时间 not issuing\n"
        out += "窗口 Windows\n"
        for window in windows {
            var line = "  \(window.name) [\(window.services.joined())]"
            switch window.status {
            case "paused": line += " 暂停服务" + (window.backAt.map { " 至\($0)" } ?? "")
            case "closed": line += " 关闭"
            default: line += " 开放"
            }
            if let ticket = window.current { line += " · \(ticket.ticket) \(ticket.state)" }
            if !window.covering.isEmpty { line += " · 顶替 covers \(window.covering.joined(separator: ","))" }
            out += line + "\n"
        }
        out += "等候 Waiting\n"
        for service in services {
            var line = "  \(service.code) \(service.name): \(service.waiting)"
            if let minutes = service.estimateMin { line += " · 约 \(Int(minutes.rounded())) 分钟" }
            if service.status != "open" { line += " · \(service.statusMessage ?? service.status)" }
            out += line + "\n"
        }
        if let journal, journal.state != "ok" { out += "journal: \(journal.state)\n" }
        return out
    }
}
