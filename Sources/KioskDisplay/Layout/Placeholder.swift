/// A `{path}` or `{path:<width}` hole in a template.
public struct Placeholder: Sendable, Hashable {
    /// Dotted model path, e.g. `hall.name`; inside a list item, looked up in the item first.
    public var path: String
    /// How the value sits in its field; nil when no width was given.
    public var alignment: HorizontalAlignment?
    /// Field width in display columns; nil means "as long as the value".
    public var width: Int?

    public init(path: String, alignment: HorizontalAlignment? = nil, width: Int? = nil) {
        self.path = path
        self.alignment = alignment
        self.width = width
    }

    /// The value padded or cut (with `…`) to the field width, in display columns.
    func format(_ value: String, ambiguous: AmbiguousWidth) -> String {
        guard let width else { return value }
        return TextFitting.fit(value, toColumns: width, alignment: alignment ?? .left, ambiguous: ambiguous)
    }
}
