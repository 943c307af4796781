import KioskAPI
import KioskDisplay

/// Draws the window terminal: the current ticket, the line, the keys, the last result.
public enum WindowTerminalScreen {
    /// Exactly `height` lines of exactly `width` display columns.
    public static func render(_ terminal: WindowTerminal, width: Int, height: Int) -> [String] {
        var lines = ScreenLines.clerkHeader(name: terminal.view?.name, window: terminal.window, role: "Window", supervisor: terminal.supervisor, width: width)
        if let view = terminal.view {
            let names = view.services.map { code in
                terminal.services.first { $0.code == code }.map { "\(code) \($0.name)" } ?? code
            }
            lines.append("  办理 Serves: " + names.joined(separator: " · "))
            switch view.status {
            case "paused": lines.append("  状态 Status: 暂停服务 paused" + (view.backAt.map { ",\($0) 回来 back at \($0)" } ?? ""))
            case "closed": lines.append("  状态 Status: 已关闭 closed")
            default: lines.append("  状态 Status: 服务中 open")
            }
            if view.clock == "warning" {
                lines.append("  ! 时钟异常,请值班长核对 Clock warning: supervisor to check the PC clock")
            }
            if !view.covering.isEmpty { lines.append("  顶岗 Covering: " + view.covering.map { "\($0)号窗口" }.joined(separator: " ")) }
            lines.append("")
            if let current = view.current {
                lines += BigText.rows(current.ticket).map { "    " + $0 }
                var state = stateLabel(current.state)
                if let calls = current.calls, current.state == "called" { state += " (第\(calls)次 call \(calls))" }
                // An appointment (预约) says its slot: the clerk knows the citizen booked and came
                // on time (a late one was given a walk-in ticket at check-in).
                lines.append(
                    "  当前 Current: \(current.ticket)  \(current.service) \(current.serviceName)" + (current.priority == true ? "  [优先 priority]" : "")
                        + (current.appointmentTime.map { "  [预约 \($0) appointment]" } ?? "")
                )
                lines.append("  状态 State: \(state)" + (current.acknowledged == true ? "  ✓ 已确认前往 on the way" : ""))
                lines.append("  短信 SMS: " + (view.smsText ?? "—"))
                // 即审: the citizen is back from review; the clerk tells them the result.
                switch (current.review?.decision, current.review?.reason) {
                case ("approved"?, _): lines.append("  审核 Review: ✓ 通过,请交付结果 approved, hand over the result")
                case let ("returned"?, reason): lines.append("  审核 Review: ✗ 退回 returned: \(reason ?? "")")
                default: break
                }
            } else {
                lines.append("  当前无号 No current ticket")
                lines += ["", "", "", "", "", ""]
            }
            lines.append("")
            lines.append("  等候本窗口 Waiting for this window: \(view.waiting) 人")
            if let inReview = view.inReview, !inReview.isEmpty {
                lines.append("  送审中 In review: " + inReview.joined(separator: " "))
            }
            if !view.parked.isEmpty {
                let awaiting = Set(view.awaiting ?? [])
                lines.append("  挂起 Parked: " + view.parked.map { awaiting.contains($0) ? "\($0)(未确认 unanswered)" : $0 }.joined(separator: " "))
            }
        } else {
            lines.append("  正在连接… Connecting…")
        }
        lines.append(String(repeating: "-", count: width))
        lines += TextWrap.wrap(
            "Enter/n 叫号 call · r 重呼 recall · s 开始 start · f 办结 finish · x 过号 no-show (无号时:未确认的号 idle: a set-aside one) · t 转办 transfer · k 挂起 park · u 取回 unpark · v 送审 review · p 暂停 pause · g 恢复 resume · q 退出 quit",
            columns: width - 2, indent: "  "
        ).map { " " + $0 }
        if terminal.supervisor {
            lines += TextWrap.wrap("值班长 Supervisor: c 顶岗 cover · e 撤顶 uncover · a 恢复过号 reactivate · j 指定叫号 call ticket",
                                   columns: width - 2, indent: "  ").map { " " + $0 }
        }
        lines.append("")
        switch terminal.mode {
        case let .prompt(prompt, entry):
            lines += TextWrap.wrap("  " + prompt.question, columns: width, indent: "  ")
            if prompt == .transfer {
                lines += TextWrap.wrap(terminal.services.map { "\($0.code) \($0.name)" }.joined(separator: "  "), columns: width - 4, indent: "")
                    .map { "    " + $0 }
            }
            lines.append("  > " + (prompt == .pauseUntil ? clockEntry(entry) : entry))
        case .keys:
            lines += ScreenLines.progress(busy: terminal.busy, outcome: terminal.outcome, width: width)
        }
        // Last: on a small screen the keys and the last result stay in view.
        if terminal.supervisor { lines += [""] + adviceLines(terminal.advice, width: width) }
        return ScreenLines.fitted(lines, width: width, height: height)
    }

    /// The supervisor's view of the hall's staffing advice: the line now, each advice with its
    /// before → after and the key (1–3) that takes it, or the command an admin runs.
    static func adviceLines(_ advice: AdviceAnswer?, width: Int) -> [String] {
        guard let advice else { return [] }
        var lines = [" 调度建议 Staffing advice (\(advice.time)): 最长等候 \(advice.before.longestWaitMin) 分钟 · 超时 \(advice.before.pastTarget) 人"]
        if advice.advice.isEmpty { lines.append("   暂无建议 none: no move would cut the wait by 5 min") }
        for (i, item) in advice.advice.enumerated() {
            let how = item.api.method == "POST" ? "按 \(i + 1) 采纳 press \(i + 1)" : "管理员 admin: \(item.command)"
            lines += TextWrap.wrap("\(i + 1). \(item.text)  [\(how)]", columns: width - 3, indent: "   ").map { "  " + $0 }
        }
        return lines
    }

    /// Digits typed for a time, shown as `HH:MM` as they come.
    static func clockEntry(_ entry: String) -> String {
        entry.count > 2 ? String(entry.prefix(entry.count - 2)) + ":" + String(entry.suffix(2)) : entry
    }

    static func stateLabel(_ state: String) -> String {
        switch state {
        case "called": return "已叫号,等候到窗 called"
        case "serving": return "办理中 serving"
        case "waiting": return "等候中 waiting"
        case "parked": return "挂起 parked"
        default: return state
        }
    }
}
