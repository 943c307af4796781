/// Text attributes of one cell; maps to SGR parameters 1 (bold), 2 (dim) and 7 (reverse).
public struct CellStyle: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = CellStyle(rawValue: 1 << 0)
    public static let dim = CellStyle(rawValue: 1 << 1)
    public static let reverse = CellStyle(rawValue: 1 << 2)

    /// Names in layout-file spelling, in SGR order.
    static let named: [(String, CellStyle)] = [("bold", .bold), ("dim", .dim), ("reverse", .reverse)]

    /// Parses `plain`, `none`, or names joined by commas, e.g. `bold,reverse`.
    public init?(parsing text: String) {
        var style: CellStyle = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            if name == "plain" || name == "none" { continue }
            guard let match = Self.named.first(where: { $0.0 == name }) else { return nil }
            style.insert(match.1)
        }
        self = style
    }

    /// `plain` or the names joined by commas.
    public var description: String {
        let names = Self.named.filter { contains($0.1) }.map(\.0)
        return names.isEmpty ? "plain" : names.joined(separator: ",")
    }
}
