/// Cutting and padding text to a number of display columns.
public enum TextFitting {
    /// The mark placed where text was cut.
    public static let ellipsis: Character = "…"

    /// Text cut to at most `columns`, ending in `…` when anything was dropped.
    ///
    /// The ellipsis is measured with the same width function, so with `ambiguous: .wide` it
    /// takes two columns. A wide glyph that no longer fits is dropped whole, never split.
    /// Control characters are dropped (see ``printable(_:)``). One pass that stops at the
    /// first character past `columns`: a name a megabyte long costs what a short one does.
    public static func truncate(_ text: String, toColumns columns: Int, ambiguous: AmbiguousWidth = .narrow) -> String {
        guard columns > 0 else { return "" }
        let ellipsisWidth = DisplayWidth.columns(of: ellipsis, ambiguous: ambiguous)
        // When even the ellipsis does not fit, keep what fits of the text itself.
        let budget = ellipsisWidth <= columns ? columns - ellipsisWidth : columns
        var whole = "", used = 0
        var withinBudget = "", budgetFull = false
        for character in text where !character.unicodeScalars.contains(where: DisplayWidth.isControl) {
            let width = DisplayWidth.columns(of: character, ambiguous: ambiguous)
            if used + width > columns {
                return ellipsisWidth <= columns ? withinBudget + String(ellipsis) : withinBudget
            }
            if !budgetFull {
                if used + width <= budget { withinBudget.append(character) } else { budgetFull = true }
            }
            whole.append(character)
            used += width
        }
        return whole
    }

    /// `text` without control characters (C0, DEL, C1). Names and messages come from the
    /// daemon, or from anything posing as it: an ESC would start an escape sequence that clears
    /// the screen, moves the cursor or retitles the window; a CR or LF breaks the line; on a
    /// thermal printer ESC, GS and DLE are commands (cut the paper, open the cash drawer).
    /// Controls are clusters of their own, so nothing else is lost.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: DisplayWidth.isControl) else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !DisplayWidth.isControl(scalar) { kept.append(scalar) }
        return String(kept)
    }

    /// Text cut (with `…`) or padded with spaces to exactly `columns` display columns.
    public static func fit(_ text: String, toColumns columns: Int, alignment: HorizontalAlignment,
                           ambiguous: AmbiguousWidth = .narrow) -> String {
        guard columns > 0 else { return "" }
        let cut = truncate(text, toColumns: columns, ambiguous: ambiguous)
        let free = columns - DisplayWidth.columns(of: cut, ambiguous: ambiguous)
        let (left, right) = alignment.split(free: free)
        return String(repeating: " ", count: left) + cut + String(repeating: " ", count: right)
    }
}
