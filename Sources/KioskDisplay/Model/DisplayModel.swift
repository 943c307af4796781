/// Everything a layout can show at one moment, looked up by dotted path.
public struct DisplayModel: Sendable, Hashable {
    /// Top-level named values.
    public var root: [String: DisplayValue]

    public init(_ root: [String: DisplayValue] = [:]) {
        self.root = root
    }

    /// The value at a dotted path (e.g. `hall.name`), or nil.
    public func value(at path: String) -> DisplayValue? {
        DisplayValue.record(root).value(at: path)
    }

    /// The text at a path; empty when missing or not text.
    public func text(at path: String) -> String {
        value(at: path)?.text ?? ""
    }

    /// The list at a path; empty when missing or not a list.
    public func list(at path: String) -> [[String: DisplayValue]] {
        if case .list(let items) = value(at: path) { return items }
        return []
    }
}
