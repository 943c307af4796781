/// A named leaf of the layout: an optional border and title around lines of text.
public struct Region: Sendable, Hashable {
    /// Name from the layout file (unique within it); for diagnostics and readers.
    public var name: String
    public var border: Border
    /// Shown on the top border, or as the first line when there is no border.
    public var title: Template?
    public var align: HorizontalAlignment
    public var valign: VerticalAlignment
    /// Style of the whole region; highlighted list items toggle `reverse` on top of it.
    public var style: CellStyle
    /// Lines top to bottom: each `text` is one line, each `list` one line per item.
    public var contents: [RegionContent]

    public init(name: String, border: Border = .none, title: Template? = nil,
                align: HorizontalAlignment = .left, valign: VerticalAlignment = .top,
                style: CellStyle = [], contents: [RegionContent] = []) {
        self.name = name
        self.border = border
        self.title = title
        self.align = align
        self.valign = valign
        self.style = style
        self.contents = contents
    }
}

/// What a region shows.
public enum RegionContent: Sendable, Hashable {
    /// One line from a template.
    case text(Template)
    /// One line per element of a model list.
    case list(ListBlock)
}
