/// Reads `*.layout` text (version 1) into a `Layout`, collecting every problem it can find
/// rather than stopping at the first, each with `file:line:column` and what was expected.
final class LayoutParser {
    private let source: String
    private let file: String
    private var diagnostics: [LayoutDiagnostic] = []
    private var regionNames: Set<String> = []

    init(source: String, file: String) {
        self.source = source
        self.file = file
    }

    func parse() throws(LayoutDiagnostics) -> Layout {
        var lines: [LayoutLine] = []
        for (index, text) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let report = { (column: Int, message: String) in self.report(index + 1, column, message) }
            if let line = LayoutLine.lex(text, number: index + 1, report: report) { lines.append(line) }
        }
        var cursor = 0
        let top = block(lines, &cursor, indent: 0)
        let layout = document(top)
        if let layout, diagnostics.isEmpty { return layout }
        throw LayoutDiagnostics(diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    // MARK: - Structure

    /// Groups lines at `indent` with their deeper lines as children.
    private func block(_ lines: [LayoutLine], _ cursor: inout Int, indent: Int) -> [LayoutLine] {
        var out: [LayoutLine] = []
        while cursor < lines.count, lines[cursor].indent >= indent {
            var line = lines[cursor]
            cursor += 1
            if line.indent != indent {
                report(line.number, 1, "expected indentation of \(indent) spaces (2 per level) but found \(line.indent)")
            }
            if cursor < lines.count, lines[cursor].indent > line.indent {
                line.children = block(lines, &cursor, indent: indent + 2)
            }
            out.append(line)
        }
        return out
    }

    private func document(_ top: [LayoutLine]) -> Layout? {
        var name: String?
        var version: Int?
        var canvas: Size?
        var ambiguous = AmbiguousWidth.narrow
        var root: LayoutNode?
        var sawRoot = false
        for line in top {
            let keyword = line.keyword
            let isHeader = ["layout", "version", "canvas", "ambiguous"].contains(keyword)
            if isHeader {
                noChildren(line)
                guard let argument = single(line, what: headerArgument(keyword)) else { continue }
                switch keyword {
                case "layout":
                    if name != nil { report(line, "expected one `layout` line but found a second") }
                    if TemplateParser.isPath(argument.value) && !argument.value.contains(".") {
                        name = argument.value
                    } else {
                        report(line.number, argument.column, "expected a layout name of letters, digits, - or _ but found \"\(argument.value)\"")
                    }
                case "version":
                    if argument.value == "1" { version = 1 } else {
                        report(line.number, argument.column, "expected version 1 (the only format version) but found \"\(argument.value)\"")
                    }
                case "canvas":
                    if let size = Size(parsing: argument.value) { canvas = size } else {
                        report(line.number, argument.column, "expected a canvas size WxH like 120x40 (1 to 1000 each) but found \"\(argument.value)\"")
                    }
                default:
                    if let value = AmbiguousWidth(rawValue: argument.value) { ambiguous = value } else {
                        report(line.number, argument.column, "expected ambiguous narrow or wide but found \"\(argument.value)\"")
                    }
                }
            } else if ["rows", "columns", "region"].contains(keyword) {
                if sawRoot {
                    report(line, "expected one top-level rows, columns or region (the whole screen) but found another; indent it under the first")
                }
                let node = self.node(line)
                if !sawRoot { root = node }
                sawRoot = true
            } else {
                let hint = ["text", "list", "item", "empty"].contains(keyword) ? "; indent it under a region" : ""
                report(line, "expected layout, version, canvas, ambiguous, rows, columns or region but found \"\(keyword)\"\(hint)")
            }
        }
        if name == nil { report(1, 1, "expected a `layout NAME` line") }
        if version == nil { report(1, 1, "expected a `version 1` line") }
        if canvas == nil { report(1, 1, "expected a `canvas WxH` line, e.g. canvas 120x40") }
        if !sawRoot { report(1, 1, "expected a rows, columns or region line describing the screen") }
        guard let name, let version, let canvas, let root else { return nil }
        return Layout(name: name, version: version, canvas: canvas, ambiguous: ambiguous, root: root)
    }

    private func headerArgument(_ keyword: String) -> String {
        switch keyword {
        case "layout": return "a layout name"
        case "version": return "a version number"
        case "canvas": return "a size WxH"
        default: return "narrow or wide"
        }
    }

    // MARK: - Nodes

    private func node(_ line: LayoutLine) -> LayoutNode? {
        switch line.keyword {
        case "rows": return split(line, axis: .rows)
        case "columns": return split(line, axis: .columns)
        case "region": return region(line).map(LayoutNode.region)
        default:
            let hint = ["text", "list"].contains(line.keyword) ? "; put it under a region" : ""
            report(line, "expected rows, columns or region but found \"\(line.keyword)\"\(hint)")
            return nil
        }
    }

    private func split(_ line: LayoutLine, axis: Split.Axis) -> LayoutNode? {
        var constraints: [Constraint] = []
        var ok = true
        for token in line.tokens.dropFirst() {
            if token.key == nil, !token.quoted, let constraint = Constraint(parsing: token.value) {
                constraints.append(constraint)
            } else {
                ok = false
                report(line.number, token.column,
                       "expected a constraint (N, N%, a/b, min:N, max:N, fill) but found \"\(token.spelling)\"")
            }
        }
        if line.children.isEmpty {
            report(line, "expected indented regions, rows or columns under `\(axis.rawValue)`")
            return nil
        }
        let children = line.children.map(node)
        if ok, !constraints.isEmpty, constraints.count != line.children.count {
            report(line, "expected \(constraints.count) indented children for the \(constraints.count) constraints but found \(line.children.count)")
            ok = false
        }
        guard ok, children.allSatisfy({ $0 != nil }) else { return nil }
        let resolved = constraints.isEmpty ? children.map { _ in Constraint.fill(1) } : constraints
        return .split(Split(axis: axis, constraints: resolved, children: children.compactMap { $0 }))
    }

    private func region(_ line: LayoutLine) -> Region? {
        let tokens = Array(line.tokens.dropFirst())
        guard let nameToken = tokens.first, nameToken.key == nil, !nameToken.quoted,
              TemplateParser.isPath(nameToken.value), !nameToken.value.contains(".") else {
            let found = tokens.first.map { "\"\($0.spelling)\"" } ?? "the end of the line"
            report(line.number, tokens.first?.column ?? (line.tokens[0].column + 6),
                   "expected a region name (letters, digits, - or _) after `region` but found \(found)")
            return nil
        }
        if !regionNames.insert(nameToken.value).inserted {
            report(line.number, nameToken.column, "expected a unique region name but \"\(nameToken.value)\" is used twice")
        }
        var region = Region(name: nameToken.value)
        var ok = true
        for token in tokens.dropFirst() {
            ok = regionOption(token, line: line.number, into: &region) && ok
        }
        for child in line.children {
            switch child.keyword {
            case "text":
                noChildren(child)
                if let template = templateArgument(child) { region.contents.append(.text(template)) } else { ok = false }
            case "list":
                if let list = list(child) { region.contents.append(.list(list)) } else { ok = false }
            default:
                report(child, "expected text or list inside region \"\(region.name)\" but found \"\(child.keyword)\"")
                ok = false
            }
        }
        return ok ? region : nil
    }

    private func regionOption(_ token: LayoutToken, line: Int, into region: inout Region) -> Bool {
        guard let key = token.key else {
            report(line, token.column, "expected an option like border=single, title=\"…\", align=center, valign=middle or style=bold but found \"\(token.spelling)\"")
            return false
        }
        func bad(_ expected: String) -> Bool {
            report(line, token.valueColumn, "expected \(key)=\(expected) but found \"\(token.value)\"")
            return false
        }
        switch key {
        case "border":
            guard let border = Border(rawValue: token.value) else { return bad("none, single or double") }
            region.border = border
        case "title":
            guard let template = TemplateParser.parse(token, report: { self.report(line, $0, $1) }) else { return false }
            region.title = template
        case "align":
            guard let align = HorizontalAlignment(rawValue: token.value) else { return bad("left, center or right") }
            region.align = align
        case "valign":
            guard let valign = VerticalAlignment(rawValue: token.value) else { return bad("top, middle or bottom") }
            region.valign = valign
        case "style":
            guard let style = CellStyle(parsing: token.value) else { return bad("plain, bold, dim or reverse (combine with commas)") }
            region.style = style
        default:
            report(line, token.column, "expected an option border, title, align, valign or style but found \"\(key)\"")
            return false
        }
        return true
    }

    private func list(_ line: LayoutLine) -> ListBlock? {
        let tokens = Array(line.tokens.dropFirst())
        guard let pathToken = tokens.first, pathToken.key == nil, !pathToken.quoted,
              TemplateParser.isPath(pathToken.value) else {
            let found = tokens.first.map { "\"\($0.spelling)\"" } ?? "the end of the line"
            report(line.number, tokens.first?.column ?? (line.tokens[0].column + 4),
                   "expected a model path after `list`, e.g. list calls, but found \(found)")
            return nil
        }
        var ok = true
        var limit: Int?
        var highlight = ListBlock.Highlight.none
        for token in tokens.dropFirst() {
            switch token.key {
            case "limit":
                if let n = Int(token.value), (1...999).contains(n), token.value.allSatisfy(\.isNumber) { limit = n } else {
                    report(line.number, token.valueColumn, "expected limit=N with N from 1 to 999 but found \"\(token.value)\"")
                    ok = false
                }
            case "highlight":
                switch token.value {
                case "first": highlight = .first
                case "none": highlight = .none
                case let field where TemplateParser.isPath(field): highlight = .field(field)
                default:
                    report(line.number, token.valueColumn, "expected highlight=first, none or an item field name but found \"\(token.value)\"")
                    ok = false
                }
            default:
                report(line.number, token.column, "expected an option limit=N or highlight=first but found \"\(token.spelling)\"")
                ok = false
            }
        }
        var item: Template?
        var empty: Template?
        var sawItem = false
        for child in line.children {
            noChildren(child)
            switch child.keyword {
            case "item", "empty":
                let isItem = child.keyword == "item"
                if isItem ? sawItem : empty != nil {
                    report(child, "expected one `\(child.keyword)` line in a list but found another")
                    ok = false
                }
                let template = templateArgument(child)
                if template == nil { ok = false }
                if isItem { item = template; sawItem = true } else { empty = template ?? Template(literal: "") }
            default:
                report(child, "expected item or empty inside list \"\(pathToken.value)\" but found \"\(child.keyword)\"")
                ok = false
            }
        }
        if !sawItem {
            report(line, "expected an indented `item \"…\"` line under `list \(pathToken.value)`")
            return nil
        }
        guard ok, let item else { return nil }
        return ListBlock(path: pathToken.value, limit: limit, highlight: highlight, item: item, empty: empty)
    }

    // MARK: - Helpers

    /// The one quoted template after `text`, `item` or `empty`.
    private func templateArgument(_ line: LayoutLine) -> Template? {
        let tokens = line.tokens.dropFirst()
        guard let token = tokens.first, token.quoted, token.key == nil else {
            reportArgument(of: line, expected: "expected a quoted template after `\(line.keyword)`, e.g. \(line.keyword) \"{clock}\",")
            return nil
        }
        if let extra = tokens.dropFirst().first {
            report(line.number, extra.column, "expected the end of the line after the template but found \"\(extra.spelling)\"")
            return nil
        }
        return TemplateParser.parse(token, report: { self.report(line.number, $0, $1) })
    }

    /// The one plain word after a header keyword.
    private func single(_ line: LayoutLine, what: String) -> LayoutToken? {
        let tokens = line.tokens.dropFirst()
        guard let token = tokens.first, token.key == nil, !token.quoted else {
            reportArgument(of: line, expected: "expected \(what) after `\(line.keyword)`")
            return nil
        }
        if let extra = tokens.dropFirst().first {
            report(line.number, extra.column, "expected the end of the line after `\(line.keyword) \(token.value)` but found \"\(extra.spelling)\"")
        }
        return token
    }

    /// `line`'s one argument is missing or of the wrong kind: says what was expected and what
    /// was found, at the argument (or at the end of the keyword when there is none).
    private func reportArgument(of line: LayoutLine, expected: String) {
        let argument = line.tokens.dropFirst().first
        let found = argument.map { "\"\($0.spelling)\"" } ?? "the end of the line"
        report(line.number, argument?.column ?? (line.tokens[0].column + line.keyword.count), "\(expected) but found \(found)")
    }

    private func noChildren(_ line: LayoutLine) {
        if let child = line.children.first {
            report(child.number, child.indent + 1, "expected no indented lines under `\(line.keyword)`")
        }
    }

    private func report(_ line: LayoutLine, _ message: String) {
        report(line.number, line.tokens[0].column, message)
    }

    private func report(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(LayoutDiagnostic(file: file, line: line, column: column, message: message))
    }
}
