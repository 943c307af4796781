/// How much of a split's length (columns for `columns`, rows for `rows`) one child gets.
///
/// Vocabulary after ratatui's `Constraint`: fixed sizes are settled first, then the flexible
/// ones share what is left by weight (see `SpaceDivider`).
public enum Constraint: Sendable, Hashable, CustomStringConvertible {
    /// Exactly `n` cells. Written `N`.
    case length(Int)
    /// `p` percent of the split's length. Written `N%`.
    case percentage(Int)
    /// `numerator/denominator` of the split's length. Written `a/b`.
    case ratio(Int, Int)
    /// Flexible (weight 1) but at least `n` cells while space lasts. Written `min:N`.
    case min(Int)
    /// Flexible (weight 1) but at most `n` cells. Written `max:N`.
    case max(Int)
    /// Flexible with a weight; shares the rest with other flexible children. Written `fill[:w]`.
    case fill(Int)

    /// The spelling used in layout files.
    public var description: String {
        switch self {
        case .length(let n): return "\(n)"
        case .percentage(let p): return "\(p)%"
        case .ratio(let a, let b): return "\(a)/\(b)"
        case .min(let n): return "min:\(n)"
        case .max(let n): return "max:\(n)"
        case .fill(let w): return w == 1 ? "fill" : "fill:\(w)"
        }
    }

    /// Parses the layout-file spelling; nil when it is none of the forms above.
    public init?(parsing text: String) {
        func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.count <= 5, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        if let n = number(Substring(text)) {
            self = .length(n)
        } else if text.hasSuffix("%"), let p = number(text.dropLast()), p <= 100 {
            self = .percentage(p)
        } else if text.hasPrefix("min:"), let n = number(text.dropFirst(4)) {
            self = .min(n)
        } else if text.hasPrefix("max:"), let n = number(text.dropFirst(4)) {
            self = .max(n)
        } else if text == "fill" {
            self = .fill(1)
        } else if text.hasPrefix("fill:"), let w = number(text.dropFirst(5)), w >= 1 {
            self = .fill(w)
        } else {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let a = number(parts[0]), let b = number(parts[1]), b > 0, a <= b
            else { return nil }
            self = .ratio(a, b)
        }
    }
}
