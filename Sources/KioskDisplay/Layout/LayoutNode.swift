/// A node of the layout tree: a split into rows or columns, or a region leaf.
public indirect enum LayoutNode: Sendable, Hashable {
    case split(Split)
    case region(Region)
}

/// Children stacked top to bottom (`rows`) or left to right (`columns`).
public struct Split: Sendable, Hashable {
    /// The direction children are laid along.
    public enum Axis: String, Sendable, Hashable {
        /// Children stacked vertically; constraints are in rows.
        case rows
        /// Children side by side; constraints are in columns.
        case columns
    }

    public var axis: Axis
    /// One per child, in order.
    public var constraints: [Constraint]
    public var children: [LayoutNode]

    public init(axis: Axis, constraints: [Constraint], children: [LayoutNode]) {
        self.axis = axis
        self.constraints = constraints
        self.children = children
    }
}
