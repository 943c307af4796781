/// Where a line sits across the width it is given.
public enum HorizontalAlignment: String, Sendable, Hashable, CaseIterable {
    case left, center, right

    /// Spaces before and after text when `free` columns are left over; centering puts the
    /// odd column on the right so the result is stable.
    func split(free: Int) -> (left: Int, right: Int) {
        let free = max(0, free)
        switch self {
        case .left: return (0, free)
        case .right: return (free, 0)
        case .center: return (free / 2, free - free / 2)
        }
    }
}
