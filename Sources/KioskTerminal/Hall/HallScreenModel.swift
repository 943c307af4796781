import KioskAPI
import KioskCore
import KioskDisplay

/// Maps the daemon's `GET /v1/hall` snapshot to the display model the shipped layouts read
/// (the paths listed in `layouts/README.md`). Pure: the snapshot and the connection state in,
/// the model out.
public enum HallScreenModel {
    /// How the screen's link to the daemon is doing, shown in the notice line when not live.
    public enum Link: Sendable, Hashable {
        case live
        /// Not yet connected since the screen started.
        case connecting
        /// The stream dropped or the snapshot could not be fetched; retrying.
        case reconnecting
    }

    /// The notice shown while the screen cannot reach the daemon.
    public static let reconnectingNotice = "重新连接中 reconnecting…"
    public static let connectingNotice = "正在连接 connecting…"
    /// The notice while the daemon's clock warning stands: the time shown may be wrong, and the
    /// staff who look at the screen see that a supervisor must check the PC's clock.
    public static let clockWarningNotice = "时钟待核对 clock to be checked"

    /// What marks an appointment's ticket (预约) beside its number: the walk-ins see why it
    /// was called before them, as the printed ticket says it.
    public static let appointmentMark = "预约"

    /// The model for `snapshot` (nil before the first one arrived).
    /// - Parameters:
    ///   - window: the window id whose strip fills `window.*` (default: the first window).
    public static func model(snapshot: HallSnapshot?, link: Link, window: String? = nil) -> DisplayModel {
        let hall = snapshot?.hall
        let windows = snapshot?.windows ?? []
        let services = snapshot?.services ?? []
        var root: [String: DisplayValue] = [:]

        root["hall"] = .record([
            "name": .text(hall?.name ?? ""),
            "name_en": .text(hall?.nameEN ?? ""),
        ])
        root["clock"] = .text(hall?.clock ?? "--:--")
        root["date"] = .text(hall?.date.map(dateWithWeekday) ?? "")
        var notice = hall?.notice ?? ""
        if snapshot?.clock?.state == "warning" { notice = clockWarningNotice + (notice.isEmpty ? "" : "  " + notice) }
        switch link {
        case .live: root["notice"] = .text(notice)
        case .connecting: root["notice"] = .text(connectingNotice + (notice.isEmpty ? "" : "  " + notice))
        case .reconnecting: root["notice"] = .text(reconnectingNotice + (notice.isEmpty ? "" : "  " + notice))
        }

        var serviceNames: [String: String] = [:]
        for service in services { serviceNames[service.code] = service.name }
        var windowNames: [String: String] = [:]
        for item in windows { windowNames[item.id] = item.name }

        root["calls"] = .list((snapshot?.calls ?? []).map { call in
            [
                "ticket": .text(call.ticket),
                "counter": .text(call.counterName.isEmpty ? windowNames[call.counter] ?? call.counter : call.counterName),
                "counter_no": .text(call.counter),
                "counter_en": .text(englishName(ofWindow: call.counter)),
                "service": .text(call.ticket.first.flatMap { serviceNames[String($0)] } ?? ""),
                "at": .text(call.at),
                "mark": .text(call.appointmentTime == nil ? "" : appointmentMark),
            ]
        })
        let counters = windows.map(counter)
        root["counters"] = .list(counters)
        root["services"] = .list(services.map(service))
        let chosen = window.flatMap { id in zip(windows, counters).first { $0.0.id == id }?.1 } ?? counters.first
        if let chosen {
            root["window"] = .record([
                "name": chosen["name"] ?? "", "name_en": chosen["name_en"] ?? "", "current": chosen["current"] ?? "",
                "status": chosen["status"] ?? "", "status_en": chosen["status_strip_en"] ?? "", "mark": chosen["mark"] ?? "",
            ])
        }
        return DisplayModel(root)
    }

    /// One window: name, current ticket, status in Chinese and English.
    static func counter(_ window: WindowStatus) -> [String: DisplayValue] {
        let current = window.current?.ticket ?? ""
        let status: (zh: String, en: String, strip: String)
        switch (window.status, window.current?.state) {
        case ("paused", _):
            // The back-at time the clerk entered is what the waiting citizens need.
            if let back = window.backAt {
                status = ("暂停 至\(back)", "Back at \(back)", "Paused until \(back)")
            } else {
                status = ("暂停服务", "Paused", "Paused")
            }
        case ("closed", _): status = ("已关闭", "Closed", "Closed")
        // Called but not yet at the window: the citizen is still on the way.
        case (_, "called"): status = ("请到窗口", "Called", "Please come")
        // A priority ticket whose call went unanswered is kept for its citizen: the number on
        // the window's line tells them, when they come back, that it still holds.
        case (_, nil) where window.awaiting?.first != nil:
            let number = window.awaiting![0]
            status = ("\(number)未确认", "\(number) unanswered", "\(number) please come")
        // 即审: a citizen waiting for the review of their case sees it is in hand, and where.
        case (_, nil) where window.inReview?.first != nil:
            let number = window.inReview![0]
            status = ("\(number)审核中", "\(number) in review", "\(number) in review")
        default: status = current.isEmpty ? ("空闲", "Idle", "Idle") : ("正在办理", "Serving", "Now serving")
        }
        var item: [String: DisplayValue] = [
            "id": .text(window.id), "no": .text(window.id),
            "name": .text(window.name), "name_en": .text(englishName(ofWindow: window.id)),
            "current": .text(current), "status": .text(status.zh), "status_en": .text(status.en),
            "status_strip_en": .text(status.strip),
            "waiting": .text(String(window.waiting)),
            "mark": .text(window.current?.appointmentTime == nil ? "" : appointmentMark),
        ]
        if let back = window.backAt { item["back_at"] = .text(back) }
        return item
    }

    /// One service: code, names, people waiting, estimate and whether tickets are issued.
    static func service(_ service: ServiceStatus) -> [String: DisplayValue] {
        [
            "code": .text(service.code),
            "name": .text(service.name),
            "name_en": .text(service.nameEN),
            "waiting": .text(String(service.waiting)),
            "eta": .text(service.estimateMin.flatMap { ShownMinutes.whole($0) }.map(String.init) ?? "-"),
            "status": .text(issuingText(service.status)),
            "summary": .text(summary(service)),
        ]
    }

    /// The line and estimate (`  7人 约 12分`), or, when the service issues no tickets now, why
    /// (`今日已停止取号`): one field a small screen can give its own columns, so the reason is
    /// never what gets cut at the edge.
    static func summary(_ service: ServiceStatus) -> String {
        let closure = issuingText(service.status)
        guard closure.isEmpty else { return closure }
        func padded(_ text: String) -> String { String(repeating: " ", count: max(0, 3 - text.count)) + text }
        let eta = service.estimateMin.flatMap { ShownMinutes.whole($0) }.map(String.init) ?? "-"
        return "\(padded(String(service.waiting)))人 约\(padded(eta))分"
    }

    /// What the screen says about a service that issues no tickets now (empty while it does).
    static func issuingText(_ status: String?) -> String {
        switch status {
        case nil, "open": return ""
        case "service_closed": return "今日已停止取号"
        case "quota_reached", "numbers_exhausted": return "今日号已取完"
        case "outside_hours": return "非取号时间"
        default: return "暂停取号"
        }
    }

    /// `Window 3` for window id `3`.
    static func englishName(ofWindow id: String) -> String {
        id.isEmpty ? "" : "Window \(id)"
    }

    /// `2026-03-02` → `2026-03-02 星期一` (the Gregorian weekday, by Zeller's congruence).
    /// Anything but such a date with a year from 1 to 9999 is shown as sent, without a
    /// weekday: a year near `Int.max` would overflow the congruence.
    static func dateWithWeekday(_ text: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return text }
        var (y, m) = (year, month)
        if m < 3 { m += 12; y -= 1 }
        let h = (day + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7   // 0 = Saturday
        let names = ["星期六", "星期日", "星期一", "星期二", "星期三", "星期四", "星期五"]
        return "\(text) \(names[h])"
    }
}
