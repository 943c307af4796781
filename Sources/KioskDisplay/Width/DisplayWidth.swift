/// The one width function: how many terminal columns text takes.
///
/// Works on grapheme clusters (`Character`), never on `String.count`: a cluster is as wide as
/// its first scalar that takes space, so combining marks, zero-width joiners and variation
/// selectors add nothing; an emoji presentation selector (U+FE0F) makes a cluster two columns.
public enum DisplayWidth {
    /// Unicode version of the generated width table.
    public static var unicodeVersion: String { WidthTable.unicodeVersion }

    /// Columns (0, 1 or 2) taken by one Unicode scalar.
    public static func columns(of scalar: Unicode.Scalar, ambiguous: AmbiguousWidth = .narrow) -> Int {
        let v = scalar.value
        // Printable ASCII is the hot path and never in the table.
        if v >= 0x20 && v < 0x7F { return 1 }
        if isControl(scalar) { return 0 }
        switch kind(of: v) {
        case 0: return 0
        case 2: return 2
        case 3: return ambiguous.columns
        default: return 1
        }
    }

    /// Columns (0, 1 or 2) taken by one grapheme cluster.
    public static func columns(of character: Character, ambiguous: AmbiguousWidth = .narrow) -> Int {
        let scalars = character.unicodeScalars
        var width = 0
        for scalar in scalars {
            width = columns(of: scalar, ambiguous: ambiguous)
            if width > 0 { break }
        }
        guard width > 0 else { return 0 }
        // A text-default symbol followed by VS16 is drawn as an emoji picture.
        if width == 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return width
    }

    /// Columns taken by a whole string: the sum over its grapheme clusters.
    public static func columns(of text: some StringProtocol, ambiguous: AmbiguousWidth = .narrow) -> Int {
        var total = 0
        for character in text { total += columns(of: character, ambiguous: ambiguous) }
        return total
    }

    /// Whether a scalar is a C0/C1 control or DEL, which the renderer never sends to a terminal.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    /// The run kind for a code point (0 zero, 1 narrow, 2 wide, 3 ambiguous), by binary search.
    static func kind(of value: UInt32) -> UInt8 {
        let starts = WidthTable.starts
        var low = 0
        var high = starts.count
        // Find the last run that starts at or before `value`.
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= value { low = mid + 1 } else { high = mid }
        }
        let index = low - 1
        guard index >= 0, value <= WidthTable.ends[index] else { return 1 }
        return WidthTable.kinds[index]
    }
}
