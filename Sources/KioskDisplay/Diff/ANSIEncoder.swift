/// Turns frames and frame changes into the bytes a VT100-style terminal needs: cursor moves
/// (CUP, CUF), SGR styles and text. Pure: it returns a string; only the sink writes it.
public enum ANSIEncoder {
    private static let csi = "\u{1B}["

    /// Switches to the alternate screen, hides the cursor and stops auto-wrap, so a write in
    /// the last column never scrolls the hall screen. Send once before the first paint.
    public static let enterScreen = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l"
    /// Undoes `enterScreen` and resets styles; send on exit to give the terminal back.
    public static let leaveScreen = "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l"

    /// The bytes that bring a terminal showing `previous` to `next`: only the changes when
    /// there is a previous frame of the same size, otherwise a clear and full paint.
    public static func encode(previous: Frame?, next: Frame) -> String {
        guard let previous, previous.size == next.size else { return fullPaint(next) }
        return encode(FrameDiff.diff(previous, next), pen: nil)
    }

    /// Clears the screen and paints every non-blank cell (the clear leaves blanks behind).
    public static func fullPaint(_ frame: Frame) -> String {
        "\(csi)0m\(csi)2J" + encode(FrameDiff.diff(Frame(size: frame.size), frame), pen: [])
    }

    /// The bytes for a list of changes. `pen` is the terminal's current style if known.
    /// The cursor position is not assumed at the start; styles are reset at the end.
    public static func encode(_ changes: [FrameChange], pen: CellStyle?) -> String {
        var out = ""
        var pen = pen
        var cursor: (x: Int, y: Int)?
        for change in changes {
            if let at = cursor, at.y == change.y, at.x == change.x {
                // Already there.
            } else if let at = cursor, at.y == change.y, at.x < change.x,
                      forwardCost(change.x - at.x) < moveCost(x: change.x, y: change.y) {
                out += forward(change.x - at.x)
            } else {
                out += "\(csi)\(change.y + 1);\(change.x + 1)H"
            }
            for cell in change.cells where !cell.isContinuation {
                if cell.style != pen {
                    out += sgr(cell.style)
                    pen = cell.style
                }
                out += cell.symbol
            }
            cursor = (change.x + change.cells.count, change.y)
        }
        if let current = pen, current != [] { out += "\(csi)0m" }
        return out
    }

    /// SGR sequence selecting exactly `style` (it resets first, so it is always correct).
    static func sgr(_ style: CellStyle) -> String {
        var out = "\(csi)0"
        if style.contains(.bold) { out += ";1" }
        if style.contains(.dim) { out += ";2" }
        if style.contains(.reverse) { out += ";7" }
        return out + "m"
    }

    /// Bytes of a cursor-forward (CUF) sequence over `columns` columns.
    static func forwardCost(_ columns: Int) -> Int {
        forward(columns).utf8.count
    }

    private static func forward(_ columns: Int) -> String {
        columns == 1 ? "\(csi)C" : "\(csi)\(columns)C"
    }

    /// Bytes of an absolute cursor move (CUP) to column `x`, row `y` (0-based).
    static func moveCost(x: Int, y: Int) -> Int {
        "\(csi)\(y + 1);\(x + 1)H".utf8.count
    }
}
