/// One line per element of a model list, e.g. the recent calls.
public struct ListBlock: Sendable, Hashable {
    /// Which items are drawn reversed.
    public enum Highlight: Sendable, Hashable {
        case none
        /// The first item (the newest call).
        case first
        /// Items whose field at this path is non-empty and not `0`/`false` — lets the app
        /// decide how long a call stays highlighted.
        case field(String)
    }

    /// Model path of the list, e.g. `calls`.
    public var path: String
    /// At most this many items; nil = as many as fit.
    public var limit: Int?
    public var highlight: Highlight
    /// Template for each item; its placeholders look in the item first, then the whole model.
    public var item: Template
    /// Shown when the list is empty or missing; nil shows nothing.
    public var empty: Template?

    public init(path: String, limit: Int? = nil, highlight: Highlight = .none,
                item: Template, empty: Template? = nil) {
        self.path = path
        self.limit = limit
        self.highlight = highlight
        self.item = item
        self.empty = empty
    }
}
