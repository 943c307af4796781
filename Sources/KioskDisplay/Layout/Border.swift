/// The frame drawn around a region; it takes one cell on every side.
public enum Border: String, Sendable, Hashable, CaseIterable {
    case none, single, double

    /// Corner and edge glyphs: top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
    ///
    /// Box-drawing glyphs are East Asian ambiguous: a terminal that draws them two columns
    /// wide would break every frame, so `ambiguous wide` layouts get ASCII borders instead.
    func glyphs(ambiguous: AmbiguousWidth) -> [Character] {
        switch (self, ambiguous) {
        case (.none, _): return []
        case (.single, .narrow): return ["┌", "┐", "└", "┘", "─", "│"]
        case (.double, .narrow): return ["╔", "╗", "╚", "╝", "═", "║"]
        case (.single, .wide): return ["+", "+", "+", "+", "-", "|"]
        case (.double, .wide): return ["#", "#", "#", "#", "=", "#"]
        }
    }
}
