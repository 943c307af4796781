/// One word of a layout line: `word`, `"quoted text"`, `key=value` or `key="quoted"`.
struct LayoutToken: Sendable, Hashable {
    /// The part before `=`, when there is one.
    var key: String?
    /// The value with quotes and escapes removed.
    var value: String
    /// Whether the value was written in double quotes.
    var quoted: Bool
    /// 1-based column where the token starts.
    var column: Int
    /// 1-based column where the value starts (after `key=` and the opening quote).
    var valueColumn: Int
    /// Source column of each character of `value`, so template errors point inside strings.
    var valueColumns: [Int]

    /// The token as written, for "but found …" messages.
    var spelling: String {
        let shown = quoted ? "\"\(value)\"" : value
        return key.map { "\($0)=\(shown)" } ?? shown
    }
}

/// A non-blank, non-comment line cut into tokens.
struct LayoutLine: Sendable {
    /// 1-based line number.
    var number: Int
    /// Leading spaces.
    var indent: Int
    var tokens: [LayoutToken]
    /// Indented lines that follow it, already grouped.
    var children: [LayoutLine] = []

    /// The statement keyword (first token's value).
    var keyword: String { tokens.first?.value ?? "" }

    /// Cuts one source line; returns nil for blank and comment-only lines. Problems (tabs,
    /// unclosed quotes) are reported through `report(column, message)`.
    static func lex(_ text: Substring, number: Int, report: (Int, String) -> Void) -> LayoutLine? {
        let chars = Array(text)
        var i = 0
        var indent = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" {
            if chars[i] == "\t" {
                report(i + 1, "expected spaces for indentation (2 per level) but found a tab")
                indent += 2
            } else {
                indent += 1
            }
            i += 1
        }
        var tokens: [LayoutToken] = []
        while i < chars.count {
            if chars[i] == " " || chars[i] == "\t" || chars[i] == "\r" { i += 1; continue }
            if chars[i] == "#" { break }
            let start = i
            var key: String?
            var value = ""
            var columns: [Int] = []
            var quoted = false
            var valueStart = i
            while i < chars.count, chars[i] != " ", chars[i] != "\t", chars[i] != "\r" {
                if chars[i] == "=", key == nil, !value.isEmpty {
                    key = value
                    value = ""
                    columns = []
                    i += 1
                    valueStart = i
                    continue
                }
                if chars[i] == "\"", value.isEmpty {
                    quoted = true
                    valueStart = i + 1
                    i += 1
                    var closed = false
                    while i < chars.count {
                        if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "\"" || chars[i + 1] == "\\" {
                            value.append(chars[i + 1])
                            columns.append(i + 2)
                            i += 2
                        } else if chars[i] == "\"" {
                            closed = true
                            i += 1
                            break
                        } else {
                            value.append(chars[i])
                            columns.append(i + 1)
                            i += 1
                        }
                    }
                    if !closed {
                        report(valueStart, "expected a closing \" for the text started here")
                    }
                    break
                }
                value.append(chars[i])
                columns.append(i + 1)
                i += 1
            }
            tokens.append(LayoutToken(key: key, value: value, quoted: quoted, column: start + 1,
                                      valueColumn: valueStart + 1,
                                      valueColumns: columns))
            if quoted, i < chars.count, chars[i] != " ", chars[i] != "\t", chars[i] != "#" {
                report(i + 1, "expected a space after the closing \" but found \"\(chars[i])\"")
                while i < chars.count, chars[i] != " " { i += 1 }
            }
        }
        guard !tokens.isEmpty else { return nil }
        return LayoutLine(number: number, indent: indent, tokens: tokens)
    }
}
