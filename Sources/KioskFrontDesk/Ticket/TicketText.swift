import KioskDisplay

/// The ticket as screen text: the number in the block font, the rest as the printer lays it out.
public enum TicketText {
    /// Lines of at most `columns` display columns.
    public static func lines(_ ticket: IssuedTicket, columns: Int) -> [String] {
        let layout = TicketLayout(ticket, columns: columns)
        var out: [String] = []
        for line in layout.lines {
            switch line.style {
            case .normal, .url: out.append(line.text)
            case .qr: break   // the printed ticket's; the screen shows the address under it
            case .centered: out.append(TextWrap.centered(line.text, columns: columns))
            case .rule: out.append(String(repeating: "-", count: columns))
            case .big:
                if BigText.columns(of: line.text) <= columns {
                    out += BigText.rows(line.text).map { TextWrap.centered($0, columns: columns) }
                } else {
                    out.append(TextWrap.centered(line.text, columns: columns))
                }
            }
        }
        return out
    }
}
