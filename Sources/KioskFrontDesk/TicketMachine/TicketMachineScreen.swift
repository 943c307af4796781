import KioskAPI
import KioskDisplay

/// Draws a ticket machine step as lines of text: large and plain, Chinese first, English after.
public enum TicketMachineScreen {
    /// Exactly `height` lines of exactly `width` display columns.
    public static func render(_ machine: TicketMachine, width: Int, height: Int) -> [String] {
        var lines: [String]
        switch machine.step {
        case let .start(entry, notice):
            lines = start(machine, entry: entry, notice: notice, width: width)
        case let .documents(draft):
            lines = documents(draft.service, width: width)
        case let .guide(draft, guide, page, problem):
            lines = guidePage(draft.service, guide: guide, page: page, problem: problem, width: width, height: height)
        case let .priority(draft):
            let groups = machine.priorityGroups
            lines = ScreenLines.header("\(draft.service.code) \(draft.service.name)  是否优先办理 Priority?", width: width) + [
                "",
                "  1  普通  Normal",
                "",
                "  2  优先:" + groups.chineseList,
                "     Priority: " + groups.englishList,
                "",
                "  0  返回  Back",
            ]
        case let .smsQuestion(draft):
            lines = ScreenLines.header("\(draft.service.code) \(draft.service.name)  短信提醒 SMS reminder", width: width) + [
                "",
                "  需要短信提醒吗？快轮到您时发短信通知",
                "  Would you like a text message when your turn is near?",
                "",
                "  1  需要    Yes",
                "  0  不需要  No",
            ]
        case let .phone(draft, role, entry, error):
            lines = phone(draft, role: role, entry: entry, error: error, width: width)
        case let .confirmPhone(draft, role, number):
            lines = ScreenLines.header("\(draft.service.code) \(draft.service.name)  请核对号码 Please check the number", width: width) + [
                "",
                role == .citizen ? "  您的手机号是  Your mobile number is" : "  家属手机号是  The caretaker's number is",
                "",
                "     " + PhoneEntry.grouped(number.digits),
                "",
                "  1  正确    Correct",
                "  0  重新输入  Type it again",
            ]
        case let .caretakerQuestion(draft):
            lines = ScreenLines.header("\(draft.service.code) \(draft.service.name)  家属提醒 Caretaker", width: width) + [
                "",
                "  您的手机号 Your number: " + (draft.phone?.masked ?? ""),
                "",
                "  家属也要收到提醒吗？  Should a caretaker be told as well?",
                "",
                "  1  需要    Yes",
                "  0  不需要  No",
            ]
        case let .checkIn(entry, error):
            lines = ScreenLines.header("预约签到  Appointment check-in", width: width) + [
                "",
                "  请输入预约码(6位数字),按确认键  Type your 6-digit appointment code, then Enter",
                "",
                "     [ " + TextFitting.fit(entry, toColumns: 6, alignment: .left) + " ]",
                "",
            ]
            if let error { lines += TextWrap.wrap("  ! " + error, columns: width - 2, indent: "    ") + [""] }
            lines.append("  退格键删除,删空后返回  Backspace deletes; on an empty code it goes back")
        case let .checkingIn(code):
            lines = ScreenLines.header("预约签到  Appointment check-in", width: width) + ["", "  正在签到 \(code),请稍候…  Checking in, one moment…"]
        case let .staffExit(entry, error):
            lines = ScreenLines.header("工作人员 Staff", width: width) + [
                "",
                "  输入退出密码后按确认键  Exit PIN, then Enter",
                "",
                "     [ " + String(repeating: "*", count: entry.count) + " ]",
                "",
            ]
            if let error { lines += ["  ! " + error, ""] }
            lines.append("  退格键返回 Backspace goes back")
        case let .issuing(draft):
            lines = ScreenLines.header("\(draft.service.code) \(draft.service.name)", width: width) + ["", "  正在出号,请稍候…  Issuing your ticket, one moment…"]
        case let .ticket(ticket):
            // The ticket as a slip in the middle of the screen.
            let columns = min(width, 72), margin = String(repeating: " ", count: max(0, (width - columns) / 2))
            lines = TicketText.lines(ticket, columns: columns).map { margin + $0 } + ["", margin + "按任意键返回  Press any key to finish"]
        case let .refused(refusal, service):
            lines = ScreenLines.header(service.map { "\($0.code) \($0.name)  暂不能取号 No ticket now" } ?? "暂不能取号 No ticket now", width: width) + [""]
            lines += TextWrap.wrap(refusal.message, columns: width - 2, indent: "  ").map { "  " + $0 }
            if let comeBack = refusal.comeBack {
                lines.append("")
                lines += TextWrap.wrap(comeBack, columns: width - 2, indent: "  ").map { "  " + $0 }
            }
            lines += ["", "  按任意键返回  Press any key to go back"]
        }
        return ScreenLines.fitted(lines, width: width, height: height)
    }

    static func start(_ machine: TicketMachine, entry: String, notice: String?, width: Int) -> [String] {
        var lines = ScreenLines.header("请选择业务,按数字键   Choose a service: press its number", width: width)
        if let problem = machine.connectionProblem, machine.services.isEmpty {
            lines += ["", "  暂时无法取号,请咨询工作人员  Tickets are unavailable; please ask staff", "  (\(problem))"]
            return lines
        }
        if machine.services.isEmpty { return lines + ["", "  正在加载…  Loading…"] }
        let nameWidth = 26, englishWidth = max(0, min(30, width - 4 - nameWidth - 26))
        for (i, service) in machine.services.enumerated() {
            let number = TextFitting.fit(String(i + 1), toColumns: 3, alignment: .right) + "  "
            let name = TextFitting.fit(service.name, toColumns: nameWidth, alignment: .left)
            let english = englishWidth > 0 ? TextFitting.fit(service.nameEN, toColumns: englishWidth, alignment: .left) + " " : ""
            let right: String
            if service.isOpen {
                if service.waiting == 0 && (service.estimateMin ?? 0) == 0 {
                    right = "等候0人 无需等候 No wait"
                } else {
                    let estimate = service.estimateMin.flatMap { ShownMinutes.whole($0) }.map { "约\($0)分钟 ~\($0) min" } ?? ""
                    right = "等候\(service.waiting)人 \(estimate)"
                }
            } else {
                right = "[\(service.menuMark)]"
            }
            lines.append(number + name + english + right)
        }
        if machine.offersCheckIn {
            lines.append(TextFitting.fit(String(machine.services.count + 1), toColumns: 3, alignment: .right) + "  预约签到 Appointment check-in (type your code)")
        }
        lines.append(String(repeating: "-", count: width))
        if let notice {
            lines.append("  " + notice)
        } else if !entry.isEmpty {
            lines.append("  已输入 \(entry),按确认键(Enter)  Typed \(entry): press Enter")
        } else if machine.services.contains(where: { !$0.isOpen }) {
            lines.append("  输入业务序号;标[ ]的业务现在不能取号  Type the number of your service; [ ] ones issue no tickets now")
        } else {
            lines.append("  输入业务序号  Type the number of your service")
        }
        return lines
    }

    static func documents(_ service: ServiceOption, width: Int) -> [String] {
        var lines = ScreenLines.header("\(service.code) \(service.name)  \(service.nameEN)", width: width)
        lines += ["", "  请确认您已带齐以下材料  Please check you have these with you:", ""]
        if service.documents.isEmpty {
            lines.append("     无需材料  No documents needed")
        }
        for (i, document) in service.documents.enumerated() {
            lines.append("     \(i + 1). \(document)")
        }
        lines += [""]
        lines += TextWrap.wrap("  缺少材料到窗口也办不了,请备齐后再取号。Without them the window cannot serve you; please come back with them.", columns: width - 2, indent: "  ")
        lines += ["", "  1  确认取号  Yes, take a ticket"]
        if service.hasGuide == true { lines.append("  2  查看办事指南  Read the service guide (conditions, steps, time limit)") }
        lines.append("  0  返回      Back")
        return lines
    }

    /// One page of the service's guide, with the page number and the keys at the bottom.
    static func guidePage(_ service: ServiceOption, guide: ServiceGuideAnswer?, page: Int, problem: String?, width: Int, height: Int) -> [String] {
        var lines = ScreenLines.header("\(service.code) \(service.name)  办事指南 Service guide", width: width)
        let keys = "  1 取号 Take a ticket   0 返回 Back"
        guard let guide else {
            if let problem {
                lines += ["", "  暂时无法显示办事指南,请咨询工作人员  The guide cannot be shown now; please ask staff"]
                lines += TextWrap.wrap("  (\(problem))", columns: width - 2, indent: "   ")
            } else {
                lines += ["", "  正在加载…  Loading…"]
            }
            return lines + ["", keys]
        }
        let pages = GuidePages.pages(guide, width: width, height: height)
        let shown = min(max(page, 0), pages.count - 1)
        lines += pages[shown]
        // The keys stay on the last rows whatever the page holds.
        let footer = ["", "  第 \(shown + 1)/\(pages.count) 页 Page \(shown + 1) of \(pages.count)",
                      keys + (shown + 1 < pages.count ? "   2 下一页 Next" : "") + (shown > 0 ? "   8 上一页 Previous" : "")]
        while lines.count < height - footer.count { lines.append("") }
        return lines + footer
    }

    static func phone(_ draft: TicketMachine.Draft, role: TicketMachine.PhoneRole, entry: String, error: String?, width: Int) -> [String] {
        var lines = ScreenLines.header("\(draft.service.code) \(draft.service.name)  短信提醒 SMS reminder", width: width)
        lines.append("")
        switch role {
        case .citizen:
            lines.append("  输入您的手机号  Your mobile number")
        case .caretaker:
            if let phone = draft.phone { lines.append("  您的手机号 Your number: \(phone.masked)") }
            lines.append("  输入家属手机号  The caretaker's mobile number")
        }
        lines.append("")
        // Every digit as typed: the citizen must be able to check the middle ones too.
        let shown = PhoneEntry.grouped(entry)
        lines.append("     [ " + TextFitting.fit(shown, toColumns: 13, alignment: .left) + " ]")
        lines.append("")
        if let error {
            lines += TextWrap.wrap("  ! " + error, columns: width - 2, indent: "    ")
            lines.append("")
        }
        lines.append("  输完按确认键(Enter)   Enter when done")
        lines.append("  退格键删除,删空后返回  Backspace deletes; on an empty number it goes back")
        return lines
    }
}
