/// How many columns the East Asian *ambiguous* characters take (box drawing, `→`, `…`, `·`).
///
/// Terminals configured for CJK locales draw them two columns wide, others one; a layout
/// states which kind of terminal it is written for.
public enum AmbiguousWidth: String, Sendable, Hashable, CaseIterable {
    /// One column: most Western and default terminal configurations.
    case narrow
    /// Two columns: terminals set to treat ambiguous characters as wide (CJK configurations).
    case wide

    /// Columns taken by one ambiguous character.
    public var columns: Int { self == .wide ? 2 : 1 }
}
