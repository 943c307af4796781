/// Draws one region into its rectangle.
struct RegionPainter {
    let region: Region
    let model: DisplayModel
    let ambiguous: AmbiguousWidth

    /// One line of region content and whether it is highlighted; `listItem` marks an item of
    /// a list meant to be complete (no `limit`): what "+N more" counts. A limited list (the
    /// recent calls) is cut by design.
    struct Line {
        var text: String
        var highlighted: Bool
        var listItem = false
    }

    func paint(in rect: Rect, on frame: inout Frame) {
        frame.fill(rect, style: region.style)
        var inner = rect
        let bordered = region.border != .none && rect.width >= 2 && rect.height >= 2
        var lines = contentLines(width: bordered ? rect.width - 2 : rect.width)
        let title = region.title.map { $0.render(ambiguous: ambiguous, lookup: model.text(at:)) }
        if bordered {
            drawBorder(rect, title: title, on: &frame)
            inner = rect.inset(by: 1)
        } else if let title {
            lines.insert(Line(text: title, highlighted: false), at: 0)
        }
        guard !inner.isEmpty else { return }
        let shown = Self.fitted(lines, rows: inner.height)
        let top = inner.y + region.valign.offset(free: inner.height - shown.count)
        for (row, line) in shown.enumerated() {
            let style = line.highlighted ? region.style.symmetricDifference(.reverse) : region.style
            if line.highlighted {
                frame.fill(Rect(x: inner.x, y: top + row, width: inner.width, height: 1), style: style)
            }
            let text = TextFitting.truncate(line.text, toColumns: inner.width, ambiguous: ambiguous)
            let free = inner.width - DisplayWidth.columns(of: text, ambiguous: ambiguous)
            let x = inner.x + region.align.split(free: free).left
            frame.write(text, x: x, y: top + row, limit: inner.maxX, style: style, ambiguous: ambiguous)
        }
    }

    /// The lines that fit `rows`; when list items do not all fit, the last row says how many
    /// more there are instead of dropping them silently.
    static func fitted(_ lines: [Line], rows: Int) -> [Line] {
        guard lines.count > rows, rows >= 2 else { return Array(lines.prefix(rows)) }
        let hidden = lines.dropFirst(rows - 1).filter(\.listItem).count
        guard hidden > 0 else { return Array(lines.prefix(rows)) }
        return Array(lines.prefix(rows - 1)) + [Line(text: " 另有\(hidden)项 +\(hidden) more", highlighted: false)]
    }

    /// Lines from `text` and `list` contents, top to bottom; `width` is the region's inner width.
    func contentLines(width: Int = .max) -> [Line] {
        var lines: [Line] = []
        for content in region.contents {
            switch content {
            case .text(let template):
                lines.append(Line(text: template.render(ambiguous: ambiguous, lookup: model.text(at:)), highlighted: false))
            case .list(let block):
                let items = Array(model.list(at: block.path).prefix(block.limit ?? Int.max))
                if items.isEmpty, let empty = block.empty {
                    lines.append(Line(text: empty.render(ambiguous: ambiguous, lookup: model.text(at:)), highlighted: false))
                }
                // Item fields shadow top-level paths of the same name.
                let lookups = items.map { item in
                    { (path: String) -> String in DisplayValue.record(item).value(at: path)?.text ?? model.text(at: path) }
                }
                let columns = ListColumns(
                    template: block.item, values: lookups.map { block.item.values(lookup: $0) }, available: width, ambiguous: ambiguous
                )
                for (index, lookup) in lookups.enumerated() {
                    lines.append(Line(text: block.item.render(ambiguous: ambiguous, lookup: lookup, widths: columns.widths),
                                      highlighted: isHighlighted(block.highlight, index: index, lookup: lookup), listItem: block.limit == nil))
                }
            }
        }
        return lines
    }

    private func isHighlighted(_ highlight: ListBlock.Highlight, index: Int, lookup: (String) -> String) -> Bool {
        switch highlight {
        case .none: return false
        case .first: return index == 0
        case .field(let path):
            let value = lookup(path)
            return !value.isEmpty && value != "0" && value != "false"
        }
    }

    private func drawBorder(_ rect: Rect, title: String?, on frame: inout Frame) {
        let glyphs = region.border.glyphs(ambiguous: ambiguous).map(String.init)
        let style = region.style
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            frame.put(glyphs[4], width: 1, x: x, y: rect.y, style: style)
            frame.put(glyphs[4], width: 1, x: x, y: bottom, style: style)
        }
        for y in (rect.y + 1)..<bottom {
            frame.put(glyphs[5], width: 1, x: rect.x, y: y, style: style)
            frame.put(glyphs[5], width: 1, x: right, y: y, style: style)
        }
        frame.put(glyphs[0], width: 1, x: rect.x, y: rect.y, style: style)
        frame.put(glyphs[1], width: 1, x: right, y: rect.y, style: style)
        frame.put(glyphs[2], width: 1, x: rect.x, y: bottom, style: style)
        frame.put(glyphs[3], width: 1, x: right, y: bottom, style: style)
        if let title, rect.width > 2 {
            let cut = TextFitting.truncate(title, toColumns: rect.width - 2, ambiguous: ambiguous)
            frame.write(cut, x: rect.x + 1, y: rect.y, limit: right, style: style, ambiguous: ambiguous)
        }
    }
}
