/// Why a window stands idle while a ticket it could take waits: a window calls only when its
/// clerk presses 叫号 (call); Kiosk never calls on a clerk's behalf. Without this line the
/// walkthrough's last board (3号窗口 开放 beside D001 waiting for D, which window 3 serves)
/// read like a bug.
public enum IdleWindowNote {
    /// One line per open window with no ticket whose services have tickets waiting; none when
    /// no window is in that state.
    public static func lines(_ state: HallState, config: HallConfig) -> [String] {
        let rule = CallRule(config: config)
        var lines: [String] = []
        for counter in config.counters where state.currentTicket(at: counter.id) == nil {
            guard (state.counters[counter.id]?.availability ?? .open) == .open else { continue }
            let served = Set(rule.services(of: counter.id, in: state))
            let waiting = state.waitingTickets.filter { served.contains($0.service) }.map(\.number)
            guard let first = waiting.first else { continue }
            let tickets = waiting.count == 1 ? first : "\(first) 等 \(waiting.count) 张 (and \(waiting.count - 1) more)"
            lines.append(
                "注 note: \(counter.name) 空闲而 \(tickets) 在等候 — 窗口只在工作人员按「叫号」时才叫下一位 (`kiosk call \(counter.id)`)。"
                + " \(counter.name) is free while \(first) waits for a service it serves: a window calls only when its clerk presses call; Kiosk never calls on its own."
            )
        }
        return lines
    }
}
