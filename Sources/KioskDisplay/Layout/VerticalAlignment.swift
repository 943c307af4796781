/// Where a region's block of lines sits within its height.
public enum VerticalAlignment: String, Sendable, Hashable, CaseIterable {
    case top, middle, bottom

    /// Blank rows before the block when `free` rows are left over.
    func offset(free: Int) -> Int {
        let free = max(0, free)
        switch self {
        case .top: return 0
        case .middle: return free / 2
        case .bottom: return free
        }
    }
}
