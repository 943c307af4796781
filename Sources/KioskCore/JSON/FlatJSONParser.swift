/// A fast reader for the one shape every journal row has: a single JSON object whose members
/// are strings without escapes, numbers, booleans or null (a trace line).
///
/// A restart reads the whole day back (10,000 tickets are some 50,000 lines), and the strict
/// `JSONParser` (made for config files: every scalar decoded into an array, its line and column
/// tracked, a located tree built and then copied into a `JSONValue`) was a quarter of the start's
/// CPU. This reader walks the UTF-8 bytes once and builds the `JSONValue` directly.
///
/// It answers nil for anything outside that shape (an escape, a nested value, a duplicate key,
/// a control character, any syntax error): the caller then takes `JSONParser`, which gives the
/// same value or the located error. Whatever this reader accepts, `JSONParser` accepts too,
/// with the same value.
public enum FlatJSONParser {
    /// The object `text` holds, or nil when `text` is not a flat object this reader takes.
    public static func parse(_ text: String) -> JSONValue? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
        }

        mutating func object() -> JSONValue? {
            skipWhitespace()
            guard peek == UInt8(ascii: "{") else { return nil }
            index += 1
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(8)
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                index += 1
                return end(.object(members))
            }
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                // JSONParser refuses a duplicate key; it says where.
                if members.contains(where: { $0.key == key }) { return nil }
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { return nil }
                index += 1
                skipWhitespace()
                guard let value = scalar() else { return nil }
                members.append((key, value))
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return end(.object(members))
                default: return nil
                }
            }
        }

        /// `value`, when only white space follows it.
        mutating func end(_ value: JSONValue) -> JSONValue? {
            skipWhitespace()
            return index == bytes.count ? value : nil
        }

        /// A string without escapes or control characters (bytes copied as they are: the text
        /// came from a Swift string, so it is valid UTF-8, and a quote byte never sits inside a
        /// multi-byte character).
        mutating func string() -> String? {
            guard peek == Self.quote else { return nil }
            index += 1
            let start = index
            while let c = peek {
                if c == Self.quote {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if c == Self.backslash || c < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        mutating func scalar() -> JSONValue? {
            guard let c = peek else { return nil }
            switch c {
            case Self.quote: return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return word("true", .bool(true))
            case UInt8(ascii: "f"): return word("false", .bool(false))
            case UInt8(ascii: "n"): return word("null", .null)
            case UInt8(ascii: "-"), Self.zero...Self.nine: return number()
            default: return nil
            }
        }

        mutating func word(_ text: StaticString, _ value: JSONValue) -> JSONValue? {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for k in 0..<count where bytes[index + k] != text.utf8Start[k] { return nil }
            index += count
            return value
        }

        mutating func digits() -> Int {
            let start = index
            while let c = peek, c >= Self.zero, c <= Self.nine { index += 1 }
            return index - start
        }

        /// RFC 8259's number grammar, read as `Double(text)` reads it (as `JSONParser` does).
        mutating func number() -> JSONValue? {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            guard let first = peek, first >= Self.zero, first <= Self.nine else { return nil }
            if first == Self.zero { index += 1 } else { _ = digits() }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return nil }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { return nil }
            return .number(value)
        }
    }
}
