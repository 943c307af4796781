import Foundation

/// One line of text per event for the terminal (the CLI, the demo, the walkthrough), Chinese first. Phone numbers never appear:
/// events do not carry them.
public enum EventText {
    public static func describe(_ event: HallEvent, in state: HallState, config: HallConfig) -> String {
        let calendar = QueueEngine(config: config).calendar
        let time = clock(event.at, calendar)
        func window(_ id: CounterID) -> String { config.counter(id)?.name ?? "\(id)号窗口" }
        func service(_ code: ServiceCode) -> String { config.service(code)?.name ?? code }
        let text: String
        switch event.kind {
        case let .dayStarted(date): text = "营业日 \(date) 开始 · business day \(date) begins"
        case let .sessionOpened(k): text = "开始取号 · session \(k + 1) opens"
        case let .sessionClosed(k): text = "停止取号 · session \(k + 1) closes"
        case let .issued(ticket, code, priority, contact, audit):
            var parts = ["取号 \(ticket) \(service(code))\(priority ? " [优先]" : "")"]
            if let ahead = state.peopleAhead(of: ticket) { parts.append("前面 \(ahead) 人 · \(ahead) ahead") }
            if contact { parts.append("短信通知 SMS on") }
            if let audit { parts.append("(由 \(audit) 特批)") }
            text = parts.joined(separator: " · ")
        case let .called(ticket, counter, audit):
            text = "请 \(ticket) 号到 \(window(counter)) 办理\(audit.map { " (\($0) 指定呼叫)" } ?? "")"
        case let .recalled(ticket, counter, n): text = "重呼 \(ticket) → \(window(counter)) (第\(n)次 recall \(n))"
        case let .noShow(ticket, counter, automatic): text = "过号 \(ticket) @ \(window(counter))\(automatic ? " (自动)" : "")"
        case let .started(ticket, counter): text = "开始办理 \(ticket) @ \(window(counter))"
        case let .finished(ticket, counter): text = "办结 \(ticket) @ \(window(counter))"
        case let .transferred(ticket, _, from, to): text = "转办 \(ticket): \(service(from)) → \(service(to))"
        case let .parked(ticket, counter): text = "挂起 \(ticket) @ \(window(counter))"
        case let .unparked(ticket, counter): text = "请 \(ticket) 号回到 \(window(counter)) 办理"
        case let .cancelled(ticket): text = "取消 \(ticket)"
        case let .replied(ticket, answer): text = "\(ticket) 短信回复 SMS reply: \(answer.rawValue)"
        case let .acknowledged(ticket): text = "\(ticket) 短信确认前往 · acknowledged by SMS"
        case let .escalated(ticket, counter): text = "\(ticket) 未确认,暂置一旁等候本人 @ \(window(counter)) · unanswered, set aside"
        case let .reactivated(ticket, audit): text = "恢复 \(ticket) 排队 (由 \(audit))"
        case let .handedToReview(ticket, counter, note):
            text = "送审 \(ticket) @ \(window(counter)) · handed to review" + (note.map { " (\($0))" } ?? "")
        case let .reviewTaken(ticket, reviewer): text = "审核 \(ticket) @ \(window(reviewer)) · review taken"
        case let .reviewApproved(ticket, reviewer): text = "审核通过 \(ticket) @ \(window(reviewer)) · approved"
        case let .reviewReturned(ticket, reviewer, reason): text = "审核退回 \(ticket) @ \(window(reviewer)): \(reason) · returned"
        case let .calledBack(ticket, counter):
            let returned = state.tickets[ticket]?.review?.decision?.reason != nil
            text = "请 \(ticket) 号回到 \(window(counter)) \(returned ? "补正材料" : "领取结果")"
        case let .paused(counter, until):
            text = "\(window(counter)) 暂停服务\(until.map { " 预计 \(clock($0, calendar)) 回来" } ?? "")"
        case let .resumed(counter): text = "\(window(counter)) 恢复服务"
        case let .counterClosed(counter): text = "\(window(counter)) 关闭"
        case let .counterOpened(counter): text = "\(window(counter)) 开放"
        case let .coverStarted(counter, covered, audit): text = "\(window(counter)) 顶替 \(window(covered)) (AB角, 由 \(audit))"
        case let .coverEnded(counter, covered, audit): text = "\(window(counter)) 结束顶替 \(window(covered)) (由 \(audit))"
        case let .serviceClosed(code, audit): text = "\(service(code)) 今日停止取号 (由 \(audit))"
        case let .serviceReopened(code, audit): text = "\(service(code)) 恢复取号 (由 \(audit))"
        case let .rated(ticket, counter, _, score, _): text = "评价 \(ticket) @ \(window(counter)): \(score)分 \(RatingScale.label(score))"
        case let .followUpClosed(ratedOn, ticket, _, audit): text = "差评整改完成 \(ratedOn) \(ticket) (由 \(audit))"
        case let .configChanged(version, audit): text = "大厅配置已更新 hall config changed (第\(version)版, 由 \(audit))"
        case let .adviceGiven(note):
            text = "调度建议 staffing advice \(note.id): 最长等候 longest wait \(note.longestBefore) → \(note.longestAfter) 分钟 min"
        case let .appointmentBooked(code, code2, date, time, _): text = "预约 \(code): \(service(code2)) \(date) \(time)"
        case let .appointmentCancelled(code, date): text = "取消预约 \(code) (\(date))"
        case let .appointmentCheckedIn(code, _, ticket, slot):
            text = slot.map { "预约签到 \(code) → \(ticket) (预约 \($0))" } ?? "预约 \(code) 已过时段,按现场取号 \(ticket) · late: walk-in ticket"
        case let .appointmentReleased(code, _): text = "预约 \(code) 未签到,已释放 · no-show, released"
        }
        return "\(time)  \(text)"
    }

    /// HH:MM:SS of `instant` in the hall's zone.
    public static func clock(_ instant: Date, _ calendar: HallCalendar) -> String {
        let s = Int(calendar.secondsOfDay(instant))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }
}
