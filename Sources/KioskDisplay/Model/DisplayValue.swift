/// A value the layouts can show. Generic on purpose: the display knows nothing of tickets;
/// the app maps its hall snapshot to text, lists and records.
public enum DisplayValue: Sendable, Hashable {
    /// Text shown as is (one line; line breaks become spaces).
    case text(String)
    /// Elements for a `list` block; each element is a record of named values.
    case list([[String: DisplayValue]])
    /// Named values reached with dotted paths, e.g. `hall.name`.
    case record([String: DisplayValue])

    /// The text, or nil for lists and records.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The value at a dotted path below this one.
    public func value(at path: some StringProtocol) -> DisplayValue? {
        var current = self
        for name in path.split(separator: ".") {
            guard case .record(let fields) = current, let next = fields[String(name)] else { return nil }
            current = next
        }
        return current
    }
}

extension DisplayValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension DisplayValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: [String: DisplayValue]...) { self = .list(elements) }
}

extension DisplayValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, DisplayValue)...) {
        self = .record(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
