/// One terminal cell: a grapheme cluster and its style.
///
/// A wide glyph is stored once, in its left cell; the cell to its right is a continuation
/// (empty symbol) so the grid stays one entry per column.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster drawn here; empty for the right half of a wide glyph.
    public var symbol: String
    public var style: CellStyle

    public init(symbol: String, style: CellStyle = []) {
        self.symbol = symbol
        self.style = style
    }

    /// A space with no attributes: what a cleared terminal shows.
    public static let blank = Cell(symbol: " ")

    /// The right half of a wide glyph.
    public static func continuation(_ style: CellStyle) -> Cell { Cell(symbol: "", style: style) }

    /// Whether this is the right half of a wide glyph.
    public var isContinuation: Bool { symbol.isEmpty }
}
