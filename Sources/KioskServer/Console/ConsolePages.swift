import Foundation
import KioskAPI
import KioskCore

/// The console's pages, rendered on the server: plain HTML, one stylesheet and one small script
/// from the daemon itself (`ConsoleAssets`), every form with the session's CSRF token. Every
/// value from outside the code (names, numbers, messages) goes through `HTMLText.escape`.
enum ConsolePages {
    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    static func layout(title: String, signedIn: ConsoleSession?, active: String = "", body: String) -> String {
        var nav = ""
        if let session = signedIn {
            let links = [("hall", "/console", "大厅 Hall"), ("figures", "/console/figures", "今日数据 Today's figures")]
                .map { "<a href=\"\($0.1)\"\($0.0 == active ? " aria-current=\"page\"" : "")>\($0.2)</a>" }.joined()
            nav = """
            <nav>\(links)<span class="who" id="who">\(e(session.user)) · \(e(session.role.rawValue))</span>\
            <form method="post" action="/console/sign-out" class="inline">\(csrfField(session.csrf))\
            <button type="submit" id="sign-out">退出 Sign out</button></form></nav>
            """
        }
        return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title><link rel="stylesheet" href="/console/console.css"><link rel="icon" href="data:,"></head>
        <body>\(nav)<main>\(body)</main></body></html>
        """
    }

    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(e(token))\">"
    }

    static func signIn(hallName: String, csrf: String, name: String = "", message: String? = nil) -> String {
        let alert = message.map { "<p class=\"error\" role=\"alert\" id=\"sign-in-error\">\(e($0))</p>" } ?? ""
        return layout(title: "值班长登录 Sign in · \(hallName)", signedIn: nil, body: """
        <section class="sign-in"><h1>\(e(hallName))</h1><h2>值班长控制台 Supervisor console</h2>\(alert)
        <form method="post" action="/console/sign-in">\(csrfField(csrf))
        <label>用户名 Name <input name="name" id="name" autocomplete="username" required maxlength="32" value="\(e(name))"></label>
        <label>密码 Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
        <button type="submit" id="sign-in">登录 Sign in</button></form>
        <p class="hint">只在大厅内网使用 For the hall's LAN only.</p></section>
        """)
    }

    static func error(status: Int, code: String, message: String, signedIn: ConsoleSession?) -> String {
        let back = signedIn == nil ? "<a href=\"/console/sign-in\">登录 Sign in</a>" : "<a href=\"/console\">返回大厅 Back to the hall</a>"
        return layout(title: "\(status) \(code)", signedIn: signedIn, body: """
        <section class="refused" data-code="\(e(code))"><h1>未执行 Not done</h1><p class="error" id="refusal">\(e(message))</p>
        <p class="code">\(status) · <code>\(e(code))</code></p><p>\(back)</p></section>
        """)
    }

    static func hall(_ model: ConsoleHallModel, session: ConsoleSession) -> String {
        layout(title: "大厅 Hall · \(model.hallName)", signedIn: session, active: "hall", body: """
        <div id="hall" data-live="/console/hall">\(hallFragment(model, session: session))</div>
        <script src="/console/console.js"></script>
        """)
    }

    /// The live part: replaced whole by the script whenever the hall's stream says something happened.
    static func hallFragment(_ model: ConsoleHallModel, session: ConsoleSession) -> String {
        let acts = session.role == .supervisor
        var html = """
        <header class="hallbar"><h1>\(e(model.hallName))</h1><span id="clock">\(e(model.date)) \(e(model.clock))</span>\
        <span class="\(model.issuing ? "ok" : "muted")">\(model.issuing ? "取号中 issuing" : "未取号 not issuing")</span></header>
        """
        html += "<section id=\"alerts\" aria-live=\"polite\"><h2>提醒 Alerts</h2>"
        if model.alerts.isEmpty {
            html += "<p class=\"muted\" id=\"no-alerts\">一切正常 Nothing needs you now.</p>"
        } else {
            html += "<ul>" + model.alerts.map { "<li class=\"alert \(e($0.kind))\" data-kind=\"\(e($0.kind))\">\(e($0.text))</li>" }.joined() + "</ul>"
        }
        html += "</section><div class=\"columns\"><section id=\"windows\"><h2>窗口 Windows</h2><table><thead><tr>"
            + "<th>窗口 Window</th><th>状态 State</th><th>当前 Now</th><th>代办 Covers</th><th>等候 Waiting</th>"
            + (acts ? "<th>操作 Actions</th>" : "") + "</tr></thead><tbody>"
        for w in model.windows {
            var now = w.current.map { "<b>\(e($0))</b> \(e(w.currentState ?? "")) \(e(w.since ?? ""))" } ?? "<span class=\"muted\">空闲 free</span>"
            if !w.parked.isEmpty { now += "<br><small>暂存 parked: \(e(w.parked.joined(separator: " ")))</small>" }
            if !w.awaiting.isEmpty { now += "<br><small class=\"warn\">未确认 unanswered: \(e(w.awaiting.joined(separator: " ")))</small>" }
            var state = e(w.statusText)
            if let back = w.backAt { state += "<br><small>\(e(back)) 回 back</small>" }
            var covers = w.covering.map { "代 covers " + e($0) }
            covers += w.coveredBy.map { "由 " + e($0) + " 代 covered" }
            html += "<tr id=\"window-\(e(w.id))\" data-status=\"\(e(w.status))\" data-covering=\"\(e(w.coveringIDs.joined(separator: ",")))\">"
                + "<td>\(e(w.name))<br><small>\(e(w.services.joined(separator: " ")))</small></td><td>\(state)</td><td>\(now)</td>"
                + "<td class=\"covers\">\(covers.joined(separator: "<br>"))</td><td>\(w.waiting)</td>"
            if acts { html += "<td class=\"actions\">\(windowActions(w, csrf: session.csrf))</td>" }
            html += "</tr>"
        }
        html += "</tbody></table></section><section id=\"lines\"><h2>队列 Lines</h2><table><thead><tr>"
            + "<th>业务 Service</th><th>等候 Waiting</th><th>最长 Longest</th><th>目标 Target</th><th>预计 Estimate</th><th>状态 Status</th>"
            + (acts ? "<th></th>" : "") + "</tr></thead><tbody>"
        for line in model.lines {
            html += "<tr id=\"line-\(e(line.code))\"\(line.overTarget ? " class=\"over\"" : "")><td>\(e(line.code)) \(e(line.name))</td>"
                + "<td>\(line.waiting)</td><td>\(line.longestWaitMin.map { "\($0) 分 min" } ?? "—")</td><td>\(line.targetMin) 分 min</td>"
                + "<td>\(line.estimateMin.map { "\($0) 分 min" } ?? "—")</td><td>\(e(line.status))</td>"
            if acts {
                let action = line.closedBySupervisor ? ("reopen", "重开 Reopen") : ("close", "停办 Close")
                html += "<td>" + postButton("/console/services/\(e(line.code))/\(action.0)", action.1, csrf: session.csrf, id: "service-\(line.code)-\(action.0)") + "</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table>"
        if acts {
            html += """
            <h3>叫指定号 Call a ticket / 恢复过号 Reactivate</h3>
            <form method="post" action="/console/call-ticket" class="row">\(csrfField(session.csrf))\
            <input name="ticket" placeholder="A023" maxlength="4" required> → <select name="window">\
            \(model.windows.map { "<option value=\"\(e($0.id))\">\(e($0.name))</option>" }.joined())</select>\
            <button type="submit">叫号 Call</button></form>
            """
            if !model.reactivatable.isEmpty {
                html += "<p>" + model.reactivatable.prefix(12).map {
                    postButton("/console/tickets/\(e($0))/reactivate", "恢复 \($0)", csrf: session.csrf, id: "reactivate-\($0)")
                }.joined(separator: " ") + "</p>"
            }
        }
        return html + "</section></div>"
    }

    static func windowActions(_ w: ConsoleHallModel.Window, csrf: String) -> String {
        let base = "/console/windows/\(e(w.id))"
        var out: [String] = []
        switch w.status {
        case "paused": out.append(postButton("\(base)/resume", "恢复 Resume", csrf: csrf, id: "w\(w.id)-resume"))
        case "closed": out.append(postButton("\(base)/open", "开放 Open", csrf: csrf, id: "w\(w.id)-open"))
        default:
            out.append(postButton("\(base)/pause", "暂停 Pause", csrf: csrf, id: "w\(w.id)-pause"))
            out.append(postButton("\(base)/close", "关闭 Close", csrf: csrf, id: "w\(w.id)-close"))
        }
        if !w.covering.isEmpty { out.append(postButton("\(base)/uncover", "结束代办 Uncover", csrf: csrf, id: "w\(w.id)-uncover")) }
        if !w.canCover.isEmpty {
            out.append("""
            <form method="post" action="\(base)/cover" class="inline">\(csrfField(csrf))<select name="covered" id="w\(e(w.id))-covered" aria-label="代办 covers">\
            \(w.canCover.map { "<option value=\"\(e($0.id))\">\(e($0.name))</option>" }.joined())</select>\
            <button type="submit" id="w\(e(w.id))-cover">代办 Cover</button></form>
            """)
        }
        return out.joined(separator: " ")
    }

    static func postButton(_ action: String, _ label: String, csrf: String, id: String) -> String {
        "<form method=\"post\" action=\"\(action)\" class=\"inline\">\(csrfField(csrf))<button type=\"submit\" id=\"\(e(id))\">\(e(label))</button></form>"
    }

    static func figures(hallName: String, today: HallReport.Figures, followUps: FollowUpList, session: ConsoleSession) -> String {
        func minutes(_ seconds: Double?) -> String { seconds.map { "\(Int(($0 / 60).rounded())) 分 min" } ?? "—" }
        let tiles = [
            ("issued", "取号 Issued", "\(today.issued)"), ("served", "办结 Served", "\(today.served)"),
            ("no-show", "过号 No-shows", "\(today.noShow)"), ("wait-p50", "等候中位 Wait p50", minutes(today.waitP50)),
            ("wait-p90", "等候 p90 Wait p90", minutes(today.waitP90)),
            ("within-target", "达标 Within target", today.withinTargetShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"),
        ].map { "<div class=\"tile\" id=\"today-\($0.0)\"><span>\(e($0.1))</span><b>\(e($0.2))</b></div>" }.joined()
        var rows = followUps.followups.map { f in
            "<tr id=\"followup-\(e(f.id))\"\(f.overdue == true ? " class=\"over\"" : "")><td>\(e(f.date)) \(e(f.ticket))</td><td>\(e(f.service))</td>"
                + "<td>\(e(f.window))</td><td>\(f.score) \(e(f.label))</td><td>\(e(f.reason ?? ""))</td><td>\(e(f.due))</td>"
                + (session.role == .supervisor ? """
                <td><form method="post" action="/console/followups/\(e(f.id))/close" class="inline">\(csrfField(session.csrf))\
                <input name="note" required maxlength="500" placeholder="已回访 what was done"><button type="submit">整改完成 Close</button></form></td>
                """ : "<td></td>") + "</tr>"
        }.joined()
        if rows.isEmpty { rows = "<tr><td colspan=\"7\" class=\"muted\" id=\"no-followups\">没有待整改的差评 No open follow-ups.</td></tr>" }
        return layout(title: "今日数据 Today's figures · \(hallName)", signedIn: session, active: "figures", body: """
        <h1>今日数据 Today's figures</h1><div class="tiles">\(tiles)</div>
        <p><a href="/console/report" id="report-link">今日报表 Today's report (A4 page)</a> · \
        <a href="/console/report?date=\(e(followUps.today))&amp;format=csv">CSV</a></p>
        <section id="followups"><h2>差评整改 Follow-ups of poor ratings (\(followUps.followups.count))</h2>
        <table><thead><tr><th>日期/号 Date/ticket</th><th>业务 Service</th><th>窗口 Window</th><th>评价 Score</th><th>原因 Reason</th>\
        <th>期限 Due</th><th></th></tr></thead><tbody>\(rows)</tbody></table></section>
        """)
    }
}
