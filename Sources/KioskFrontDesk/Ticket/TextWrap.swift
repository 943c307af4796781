import KioskDisplay

/// Breaking text into lines of at most a number of display columns.
public enum TextWrap {
    /// Lines of at most `columns` display columns (measured with `DisplayWidth`, so CJK counts
    /// 2). Breaks at a space when the line has one, else between any two characters (CJK text
    /// has no spaces; a long URL must break somewhere). `indent` prefixes continuation lines.
    /// Control characters are dropped (`TextFitting.printable`): a line break or an escape
    /// sequence in the daemon's text must not reach a terminal or a printer.
    public static func wrap(_ text: String, columns: Int, indent: String = "", ambiguous: AmbiguousWidth = .narrow) -> [String] {
        guard columns > 0 else { return [] }
        let text = TextFitting.printable(text)
        var lines: [String] = []
        var line = ""
        var used = 0
        let indentWidth = DisplayWidth.columns(of: indent, ambiguous: ambiguous)
        for character in text {
            let width = DisplayWidth.columns(of: character, ambiguous: ambiguous)
            if used + width > columns, !line.isEmpty {
                var carry = ""
                if character != " ", let space = line.lastIndex(of: " "),
                   DisplayWidth.columns(of: line[..<space], ambiguous: ambiguous) > indentWidth + columns / 3 {
                    carry = String(line[line.index(after: space)...])
                    line = String(line[..<space])
                }
                lines.append(trimmedRight(line))
                line = indent + carry
                used = DisplayWidth.columns(of: line, ambiguous: ambiguous)
                if character == " " { continue }
            }
            line.append(character)
            used += width
        }
        if !line.isEmpty && line != indent { lines.append(trimmedRight(line)) }
        return lines.isEmpty ? [""] : lines
    }

    private static func trimmedRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// `text` centred in `columns` (left-aligned when it does not fit).
    public static func centered(_ text: String, columns: Int, ambiguous: AmbiguousWidth = .narrow) -> String {
        let free = columns - DisplayWidth.columns(of: text, ambiguous: ambiguous)
        return free > 0 ? String(repeating: " ", count: free / 2) + text : text
    }
}
