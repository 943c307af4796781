/// Reads the text of a `text`, `item`, `empty` or `title="…"` into a `Template`.
enum TemplateParser {
    /// The parsed template, or nil after reporting each problem with its source column.
    static func parse(_ token: LayoutToken, report: (Int, String) -> Void) -> Template? {
        let chars = Array(token.value)
        func column(_ index: Int) -> Int {
            index < token.valueColumns.count ? token.valueColumns[index] : token.valueColumn + index
        }
        var segments: [Template.Segment] = []
        var literal = ""
        var failed = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                literal.append("{"); i += 2; continue
            }
            if c == "}", i + 1 < chars.count, chars[i + 1] == "}" {
                literal.append("}"); i += 2; continue
            }
            guard c == "{" else { literal.append(c); i += 1; continue }
            guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                report(column(i), "expected } to close the placeholder started here (write {{ for a literal {)")
                failed = true
                break
            }
            let body = String(chars[(i + 1)..<close])
            if let placeholder = placeholder(body, column: column(i + 1), report: report) {
                if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                segments.append(.placeholder(placeholder))
            } else {
                failed = true
            }
            i = close + 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return failed ? nil : Template(segments: segments)
    }

    /// `path`, `path:<w`, `path:>w`, `path:^w` or `path:w` (left).
    static func placeholder(_ body: String, column: Int, report: (Int, String) -> Void) -> Placeholder? {
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard isPath(path) else {
            report(column, "expected a model path like clock or hall.name inside { } but found \"\(body)\"")
            return nil
        }
        guard parts.count == 2 else { return Placeholder(path: path) }
        var format = Substring(parts[1])
        var alignment = HorizontalAlignment.left
        switch format.first {
        case "<": alignment = .left; format = format.dropFirst()
        case ">": alignment = .right; format = format.dropFirst()
        case "^": alignment = .center; format = format.dropFirst()
        default: break
        }
        guard !format.isEmpty, format.count <= 3, format.allSatisfy({ $0.isASCII && $0.isNumber }),
              let width = Int(format), width >= 1 else {
            report(column + path.count + 1,
                   "expected a field width like <8, >3 or ^10 (columns, 1 to 999) after \"\(path):\" but found \"\(parts[1])\"")
            return nil
        }
        return Placeholder(path: path, alignment: alignment, width: width)
    }

    /// Dotted names of letters, digits, `_` and `-`, e.g. `hall.name`, `services`.
    static func isPath(_ text: String) -> Bool {
        let names = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && names.allSatisfy { name in
            !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }
    }
}
