/// A parsed `*.layout` file (format version 1): what goes where on a hall screen.
public struct Layout: Sendable, Hashable {
    /// The name after `layout`.
    public var name: String
    /// Format version; only 1 exists.
    public var version: Int
    /// The size the layout is designed for (and snapshot-tested at).
    public var canvas: Size
    /// How ambiguous-width characters are measured for the terminal it is meant for.
    public var ambiguous: AmbiguousWidth
    public var root: LayoutNode

    public init(name: String, version: Int = 1, canvas: Size, ambiguous: AmbiguousWidth = .narrow, root: LayoutNode) {
        self.name = name
        self.version = version
        self.canvas = canvas
        self.ambiguous = ambiguous
        self.root = root
    }

    /// Parses layout text; `file` is only used to label diagnostics.
    public static func parse(_ source: String, file: String) throws(LayoutDiagnostics) -> Layout {
        try LayoutParser(source: source, file: file).parse()
    }
}
