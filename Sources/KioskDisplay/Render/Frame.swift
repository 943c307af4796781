/// A screen's worth of cells, row-major.
///
/// Invariants kept by every mutating method: a continuation cell always follows the wide
/// glyph it belongs to, and a wide glyph never starts in the last column.
public struct Frame: Sendable, Hashable {
    /// Columns and rows.
    public let size: Size
    /// `size.width * size.height` cells, row by row.
    public private(set) var cells: [Cell]

    /// A frame of blank cells.
    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: size.width * size.height)
    }

    /// The cell at column `x`, row `y` (0-based).
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// One row's cells.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// Places one glyph of `width` columns (1 or 2) at (x, y), repairing any wide glyph it
    /// overwrites half of. A wide glyph that does not fit before `limit` becomes a space.
    public mutating func put(_ symbol: String, width: Int, x: Int, y: Int, style: CellStyle = [], limit: Int? = nil) {
        let limit = min(limit ?? size.width, size.width)
        guard y >= 0, y < size.height, x >= 0, x < limit else { return }
        if width >= 2 && x + 1 >= limit {
            put(" ", width: 1, x: x, y: y, style: style, limit: limit)
            return
        }
        let span = width >= 2 ? 2 : 1
        let base = y * size.width
        // Wide glyphs partly covered by the new one lose their other half.
        if cells[base + x].isContinuation, x > 0 {
            cells[base + x - 1] = Cell(symbol: " ", style: cells[base + x - 1].style)
        }
        let after = x + span
        if after < size.width, cells[base + after].isContinuation {
            cells[base + after] = Cell(symbol: " ", style: cells[base + after].style)
        }
        cells[base + x] = Cell(symbol: symbol, style: style)
        if span == 2 { cells[base + x + 1] = .continuation(style) }
    }

    /// Writes text from column `x` on row `y`, stopping before column `limit`; returns the
    /// column after the last cell written. Zero-width clusters (stray marks, format and
    /// control characters) are dropped: they would otherwise attach to whatever is on screen.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, limit: Int, style: CellStyle = [],
                               ambiguous: AmbiguousWidth) -> Int {
        var column = x
        for character in text {
            guard column < limit else { break }
            let width = DisplayWidth.columns(of: character, ambiguous: ambiguous)
            if width == 0 { continue }
            if column + width > limit {
                put(" ", width: 1, x: column, y: y, style: style, limit: limit)
                column += 1
                break
            }
            put(String(character), width: width, x: column, y: y, style: style, limit: limit)
            column += width
        }
        return column
    }

    /// Fills a rectangle with spaces of one style.
    public mutating func fill(_ rect: Rect, style: CellStyle) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                put(" ", width: 1, x: x, y: y, style: style)
            }
        }
    }

    /// Copies the cells of each change in place (as produced by `FrameDiff`).
    public mutating func apply(_ changes: [FrameChange]) {
        for change in changes {
            let base = change.y * size.width + change.x
            for (offset, cell) in change.cells.enumerated() { cells[base + offset] = cell }
        }
    }

    /// The rows as plain text (styles dropped; each wide glyph written once).
    public func lines() -> [String] {
        (0..<size.height).map { y in row(y).reduce(into: "") { $0 += $1.symbol } }
    }

    /// The rows as text, optionally each wrapped in `|` so trailing spaces show.
    public func text(framed: Bool = false) -> String {
        lines().map { framed ? "|\($0)|" : $0 }.joined(separator: "\n")
    }
}
