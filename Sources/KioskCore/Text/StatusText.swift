/// A plain-text board of the hall for terminals and logs (the hall screen proper is KioskDisplay's):
/// what `kiosk status` and the walkthrough print.
public enum StatusText {
    public static func board(_ state: HallState, config: HallConfig) -> String {
        var out = "\(config.name) · \(state.date?.description ?? "no business day yet")"
        out += state.openSession != nil ? " · 取号中 issuing\n" : " · 未在取号时间 not issuing\n"
        out += "窗口 Windows\n"
        for counter in config.counters {
            let live = state.counters[counter.id]
            var line = "  \(counter.name) [\(counter.services.joined())]"
            switch live?.availability ?? .open {
            case .open: line += " 开放"
            case .paused: line += " 暂停服务"
            case .closed: line += " 关闭"
            }
            if let ticket = state.currentTicket(at: counter.id) { line += " · \(ticket.number) \(ticket.state.name)" }
            if let covering = live?.covering, !covering.isEmpty { line += " · 顶替 covers \(covering.joined(separator: ","))" }
            out += line + "\n"
        }
        out += "等候 Waiting\n"
        for service in config.services {
            let line = state.waitingTickets.filter { $0.service == service.code }.map { $0.number + ($0.priority ? "*" : "") }
            out += "  \(service.code) \(service.name): \(line.count)\(line.isEmpty ? "" : " — " + line.joined(separator: " "))\n"
        }
        return out
    }
}
