import KioskDisplay

/// The printed ticket as lines, for one width: shared by the screen and the printer.
///
/// 不让百姓跑第二趟: besides the number it carries everything a citizen needs to not come back
/// twice — the documents to bring, how long it should take, where to check progress.
public struct TicketLayout: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case normal
        case centered
        /// The ticket number: double width and height on paper, a block font on screen.
        case big
        /// A separator across the width.
        case rule
        /// A web address: never broken across lines (a broken one cannot be typed or scanned).
        /// When it is wider than `columns` the printer sets it in its small font.
        case url
        /// The ticket page's full address as a QR code (the printer's only; the screen shows
        /// the `url` line after it).
        case qr
    }

    public struct Line: Sendable, Equatable {
        public var style: Style
        public var text: String
    }

    public var lines: [Line]
    /// Display columns every line fits in (a `big` line fits in half of them).
    public var columns: Int

    /// Lays `ticket` out in `columns`, measuring with `ambiguous` (a GB18030 printer prints
    /// ambiguous-width characters such as `·` and `…` two columns wide).
    public init(_ ticket: IssuedTicket, columns: Int, ambiguous: AmbiguousWidth = .narrow, title: String = "排队取号凭条 Queue ticket") {
        self.columns = columns
        var lines: [Line] = []
        func centered(_ text: String) {
            for piece in Self.wrap(text, columns: columns, indent: "", ambiguous: ambiguous) { lines.append(Line(style: .centered, text: piece)) }
        }
        func normal(_ text: String, indent: String = "  ") {
            for piece in Self.wrap(text, columns: columns, indent: indent, ambiguous: ambiguous) { lines.append(Line(style: .normal, text: piece)) }
        }
        if let hall = ticket.hallName, !hall.isEmpty { centered(hall) }
        centered(title)
        lines.append(Line(style: .big, text: ticket.number))
        centered(ticket.serviceName)
        if !ticket.serviceNameEN.isEmpty { centered(ticket.serviceNameEN) }
        if ticket.priority { centered(ticket.priorityGroups.ticketLabel) }
        if let slot = ticket.appointmentTime { centered("预约 Appointment \(slot)") }
        if let note = ticket.note { normal(note) }
        lines.append(Line(style: .rule, text: ""))
        let when = [ticket.date, ticket.issuedAt.isEmpty ? nil : ticket.issuedAt].compactMap { $0 }.joined(separator: " ")
        // "时间", not "取号时间": with the date it must still fit a 58 mm line.
        if !when.isEmpty { normal((ticket.date == nil ? "取号时间" : "时间") + " Time: \(when)") }
        if !ticket.windows.isEmpty { normal("请在 \(ticket.windows.joined(separator: "、")) 附近等候 Wait near: \(ticket.windows.joined(separator: ", "))") }
        if let ahead = ticket.peopleAhead { normal("前面等候 Ahead: \(ahead) 人 people") }
        if let minutes = ticket.estimateMin {
            if minutes == 0 {
                // "约 0 分钟" reads as a promise of no wait; the call may still take a minute or two.
                normal("马上轮到您，请留意叫号 Almost your turn: watch for your number")
            } else {
                var range = ""
                if let low = ticket.estimateLowMin, let high = ticket.estimateHighMin, high > low { range = " (\(low)-\(high))" }
                normal("预计等候 Wait: 约 \(minutes) 分钟\(range) ~\(minutes) min")
            }
        }
        if let explanation = ticket.explanation { normal(explanation) }
        lines.append(Line(style: .rule, text: ""))
        if !ticket.materials.isEmpty {
            // 原件 or 复印件 and how many: a copy forgotten is a second trip too.
            normal("请备好以下材料 Please have ready:")
            for (i, material) in ticket.materials.prefix(Self.maximumDocuments).enumerated() {
                normal("  \(i + 1). \(material.line)", indent: "     ")
            }
            let more = ticket.materials.count - Self.maximumDocuments
            if more > 0 { normal("  另有 \(more) 项,请咨询工作人员 \(more) more: please ask staff", indent: "     ") }
        } else if ticket.documents.isEmpty {
            normal("无需携带材料 No documents needed")
        } else {
            normal("请备好以下材料 Please have ready:")
            for (i, document) in ticket.documents.prefix(Self.maximumDocuments).enumerated() { normal("  \(i + 1). \(document)", indent: "     ") }
            let more = ticket.documents.count - Self.maximumDocuments
            if more > 0 { normal("  另有 \(more) 项,请咨询工作人员 \(more) more: please ask staff", indent: "     ") }
        }
        lines.append(Line(style: .rule, text: ""))
        if let page = ticket.pageURL {
            // The citizen's own page: live place in line, the call, and the rating afterwards.
            normal("扫码查看进度、办完评价 Scan to follow your turn and rate:")
            lines.append(Line(style: .qr, text: page))
            lines.append(Line(style: .url, text: Self.shortestFitting(page, columns: columns)))
        } else {
            normal("查询进度 Check your place:")
            lines.append(Line(style: .url, text: Self.shortestFitting(ticket.statusURL, columns: columns)))
        }
        if ticket.smsTo != nil || ticket.smsCaretaker != nil {
            let to = [ticket.smsTo, ticket.smsCaretaker.map { "家属 caretaker \($0)" }].compactMap { $0 }.joined(separator: ", ")
            normal("您同意在快轮到时接收短信提醒 You agreed to an SMS when your turn is near: \(to)")
        }
        normal("过号请到服务台 Missed your call? Ask at the desk")
        // The number and the address are not wrapped: drop their control characters here, so
        // no line from the daemon reaches the printer as ESC/POS commands.
        self.lines = lines.map { Line(style: $0.style, text: TextFitting.printable($0.text)) }
    }

    /// Lines one text may take. The daemon's texts are a sentence or two; a longer one (from a
    /// daemon gone wrong, or anything posing as it) is cut, not printed on a metre of paper.
    static let maximumLinesPerText = 8
    /// Documents listed; the rest are counted.
    static let maximumDocuments = 15

    /// `text` wrapped to at most `maximumLinesPerText` lines, the last ending in `…` when cut.
    static func wrap(_ text: String, columns: Int, indent: String, ambiguous: AmbiguousWidth) -> [String] {
        let limit = maximumLinesPerText
        // Every character takes a column or more, so this many fill the lines allowed.
        var pieces = TextWrap.wrap(String(text.prefix(columns * (limit + 1))), columns: columns, indent: indent, ambiguous: ambiguous)
        guard pieces.count > limit else { return pieces }
        pieces.removeLast(pieces.count - limit)
        var last = pieces[limit - 1]
        let room = columns - DisplayWidth.columns(of: TextFitting.ellipsis, ambiguous: ambiguous)
        while !last.isEmpty, DisplayWidth.columns(of: last, ambiguous: ambiguous) > room { last.removeLast() }
        pieces[limit - 1] = last + String(TextFitting.ellipsis)
        return pieces
    }

    /// The address as written when it fits, else without its `http://` (browsers add it back).
    /// One longer than three lines is no address anyone could type: it is cut, not printed
    /// whole. (A ticket page's address with its key and a county's host name is ~70
    /// characters: two lines of a 58 mm slip's small font.)
    static func shortestFitting(_ url: String, columns: Int) -> String {
        if url.count <= columns { return url }
        var shortest = url
        for scheme in ["http://", "https://"] where url.hasPrefix(scheme) {
            shortest = String(url.dropFirst(scheme.count))
        }
        return shortest.count <= 3 * columns ? shortest : TextFitting.truncate(shortest, toColumns: 3 * columns)
    }
}
