/// A run of cells to write on one row, starting at column `x`.
public struct FrameChange: Sendable, Hashable {
    /// Starting column (0-based); never a continuation cell.
    public var x: Int
    /// Row (0-based).
    public var y: Int
    /// The new cells, left to right; may include unchanged cells when rewriting them is
    /// cheaper than moving the cursor over them.
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}
