/// Cutting and padding text to a number of display columns.
public enum TextFitting {
    /// The mark placed where text was cut.
    public static let ellipsis: Character = "…"

    /// Text cut to at most `columns`, ending in `…` when anything was dropped.
    ///
    /// The ellipsis is measured with the same width function, so with `ambiguous: .wide` it
    /// takes two columns. A wide glyph that no longer fits is dropped whole, never split.
    public static func truncate(_ text: String, toColumns columns: Int, ambiguous: AmbiguousWidth = .narrow) -> String {
        guard columns > 0 else { return "" }
        if DisplayWidth.columns(of: text, ambiguous: ambiguous) <= columns { return text }
        let ellipsisWidth = DisplayWidth.columns(of: ellipsis, ambiguous: ambiguous)
        // When even the ellipsis does not fit, keep what fits of the text itself.
        let budget = ellipsisWidth <= columns ? columns - ellipsisWidth : columns
        var result = ""
        var used = 0
        for character in text {
            let width = DisplayWidth.columns(of: character, ambiguous: ambiguous)
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        if ellipsisWidth <= columns { result.append(ellipsis) }
        return result
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
