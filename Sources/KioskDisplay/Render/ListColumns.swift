/// Field widths for one list, sized to its content: a `{path:<w}` field in a list item is at
/// least `w` columns and grows to its widest value, as long as the widest line still fits the
/// region. Without it a hall whose service names run longer than the layout's guess showed
/// `失业登记/失业…` beside thirty empty columns.
struct ListColumns {
    /// Width per placeholder index of the item template (declared, or grown).
    let widths: [Int: Int]

    /// - Parameters:
    ///   - values: per item, the one-line text of each placeholder, by placeholder index.
    ///   - available: the region's inner width, in columns.
    init(template: Template, values: [[String]], available: Int, ambiguous: AmbiguousWidth) {
        var declared: [Int: Int] = [:]
        var literalWidth = 0
        var index = 0
        for segment in template.segments {
            switch segment {
            case .literal(let text):
                literalWidth += DisplayWidth.columns(of: text, ambiguous: ambiguous)
            case .placeholder(let placeholder):
                if let width = placeholder.width { declared[index] = width }
                index += 1
            }
        }
        guard !declared.isEmpty, !values.isEmpty else {
            widths = declared
            return
        }
        // A free-length field after the last sized one (a status at the end of the line) is not
        // measured: it is what gets cut at the region's edge, never a name or a unit.
        let lastSized = declared.keys.max()!
        let natural = values.map { row in
            row.enumerated().map { k, text in k > lastSized ? 0 : DisplayWidth.columns(of: text, ambiguous: ambiguous) }
        }
        var wanted = declared
        for (k, width) in declared {
            wanted[k] = max(width, natural.map { k < $0.count ? $0[k] : 0 }.max() ?? 0)
        }
        // The widest line with these widths: unsized fields take their own value's width.
        func widest(_ widths: [Int: Int]) -> Int {
            natural.map { row in
                literalWidth + row.indices.reduce(0) { $0 + (widths[$1] ?? row[$1]) }
            }.max() ?? literalWidth
        }
        var overflow = widest(wanted) - available
        // Give back growth, the most-grown field first, until the widest line fits.
        while overflow > 0 {
            guard let (k, grown) = wanted.map({ ($0.key, $0.value - declared[$0.key]!) }).filter({ $0.1 > 0 })
                .max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }) else { break }
            let cut = min(grown, overflow)
            wanted[k]! -= cut
            overflow -= cut
        }
        widths = wanted
    }
}
