/// A strict JSON parser (RFC 8259) that records the line and column of every value.
///
/// Foundation's decoder reports neither, and a hall supervisor editing the config in nano
/// needs `hall.json:14: ...`, so we parse ourselves. Errors carry the location too.
public struct JSONParser {
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): \(message)" }
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Deep nesting is refused rather than overflowing the stack on hostile input.
    private let maxDepth = 64

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses one JSON document; trailing content other than white space is an error.
    public static func parse(_ text: String) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(text)
        parser.skipWhitespace()
        let node = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.scalars.count {
            throw parser.error("expected end of input after the JSON value")
        }
        return node
    }

    private var here: SourceLocation { SourceLocation(line: line, column: column) }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(location: here, message: message)
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func expect(_ c: Unicode.Scalar) throws(SyntaxError) {
        guard peek == c else { throw error("expected '\(c)'\(foundText)") }
        advance()
    }

    private var foundText: String {
        guard let c = peek else { return " but the input ended" }
        return " but found '\(c.escaped(asASCII: false))'"
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONNode {
        guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        let start = here
        guard let c = peek else { throw error("expected a value but the input ended") }
        switch c {
        case "{": return JSONNode(kind: try parseObject(depth: depth), location: start)
        case "[": return JSONNode(kind: try parseArray(depth: depth), location: start)
        case "\"": return JSONNode(kind: .string(try parseString()), location: start)
        case "t": try literal("true"); return JSONNode(kind: .bool(true), location: start)
        case "f": try literal("false"); return JSONNode(kind: .bool(false), location: start)
        case "n": try literal("null"); return JSONNode(kind: .null, location: start)
        case "-", "0"..."9": return JSONNode(kind: .number(try parseNumber()), location: start)
        default: throw error("expected a value (object, array, string, number, true, false or null)\(foundText)")
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        for expected in word.unicodeScalars {
            guard peek == expected else { throw error("expected '\(word)'") }
            advance()
        }
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONNode.Kind {
        advance()
        var members: [(key: String, keyLocation: SourceLocation, value: JSONNode)] = []
        skipWhitespace()
        if peek == "}" {
            advance()
            return .object(members)
        }
        repeat {
            skipWhitespace()
            let keyLocation = here
            guard peek == "\"" else { throw error("expected a quoted key\(foundText)") }
            let key = try parseString()
            if members.contains(where: { $0.key == key }) {
                throw SyntaxError(location: keyLocation, message: "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append((key, keyLocation, value))
        } while try anotherElement(before: "}", in: "an object")
        return .object(members)
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONNode.Kind {
        advance()
        var items: [JSONNode] = []
        skipWhitespace()
        if peek == "]" {
            advance()
            return .array(items)
        }
        repeat {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
        } while try anotherElement(before: "]", in: "an array")
        return .array(items)
    }

    /// After an object's member or an array's item: a ',' (consumed) means another follows;
    /// `close` (consumed) ends the container; anything else is an error.
    private mutating func anotherElement(before close: Unicode.Scalar, in container: String) throws(SyntaxError) -> Bool {
        skipWhitespace()
        if peek == "," {
            advance()
            return true
        }
        guard peek == close else { throw error("expected ',' or '\(close)' in \(container)\(foundText)") }
        advance()
        return false
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek else { throw error("unterminated string") }
            if c == "\"" {
                advance()
                return String(out)
            }
            if c.value < 0x20 { throw error("control character in a string (write it as \\n, \\t or \\u00XX)") }
            if c == "\\" {
                advance()
                guard let e = peek else { throw error("unterminated escape") }
                advance()
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u": out.append(try parseUnicodeEscape())
                default: throw error("unknown escape '\\\(e)'")
                }
                continue
            }
            out.append(c)
            advance()
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek, c.isASCII, let d = UInt32(String(c), radix: 16) else { throw error("expected 4 hex digits after \\u") }
            v = v * 16 + d
            advance()
        }
        return v
    }

    private mutating func parseUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard peek == "\\" else { throw error("lone high surrogate in \\u escape") }
            advance()
            guard peek == "u" else { throw error("lone high surrogate in \\u escape") }
            advance()
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw error("invalid low surrogate in \\u escape") }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(combined)!
        }
        guard let scalar = Unicode.Scalar(first) else { throw error("lone surrogate in \\u escape") }
        return scalar
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        var text = ""
        func take(_ parser: inout JSONParser) {
            text.unicodeScalars.append(parser.scalars[parser.index])
            parser.advance()
        }
        if peek == "-" { take(&self) }
        guard let first = peek, ("0"..."9").contains(first) else { throw error("expected a digit") }
        if first == "0" {
            take(&self)
        } else {
            while let c = peek, ("0"..."9").contains(c) { take(&self) }
        }
        if peek == "." {
            take(&self)
            guard let c = peek, ("0"..."9").contains(c) else { throw error("expected a digit after '.'") }
            while let c = peek, ("0"..."9").contains(c) { take(&self) }
        }
        if peek == "e" || peek == "E" {
            take(&self)
            if peek == "+" || peek == "-" { take(&self) }
            guard let c = peek, ("0"..."9").contains(c) else { throw error("expected a digit in the exponent") }
            while let c = peek, ("0"..."9").contains(c) { take(&self) }
        }
        guard let value = Double(text), value.isFinite else { throw error("number out of range") }
        return value
    }
}
