import KioskAPI

/// A service guide cut into screen pages: the machine counts them to turn pages, the screen
/// draws one. Lines are wrapped to the screen's width (CJK two columns), continuation lines
/// indented, and a page never begins with a blank line.
public enum GuidePages {
    /// Rows the ticket machine keeps for itself on a guide page: the title and its rule above,
    /// a blank line, the page number and the keys below.
    static let chromeRows = 6

    /// The guide's body lines (the title is the screen's header) in pages of at most
    /// `height - chromeRows` rows; at least one page.
    public static func pages(_ guide: ServiceGuideAnswer, width: Int, height: Int) -> [[String]] {
        let rows = max(3, height - chromeRows), columns = max(10, width - 2)
        var wrapped: [String] = []
        for line in guide.lines.dropFirst() {
            if line.isEmpty {
                wrapped.append("")
                continue
            }
            let indent = String(repeating: " ", count: line.prefix(while: { $0 == " " }).count + 3)
            wrapped += TextWrap.wrap(line, columns: columns, indent: indent)
        }
        var pages: [[String]] = [[]]
        for line in wrapped {
            if pages[pages.count - 1].count == rows { pages.append([]) }
            if line.isEmpty && pages[pages.count - 1].isEmpty { continue }
            pages[pages.count - 1].append(line)
        }
        return pages
    }
}
