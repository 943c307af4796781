import KioskDisplay

/// The one width function, spelled short for assertions.
enum DisplayWidthProbe {
    static func columns(_ text: String, ambiguous: AmbiguousWidth = .narrow) -> Int {
        DisplayWidth.columns(of: text, ambiguous: ambiguous)
    }
}
