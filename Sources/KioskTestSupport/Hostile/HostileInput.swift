import KioskCore

/// Hostile variants of a valid answer, for fuzzing the decoders every client runs on what a
/// server (or anything posing as one) sends: each variant applies one to three mutations to the
/// sample's bytes.
///
/// The mutations are what a server gone wrong, or an attacker on the hall's LAN, would send:
/// bit flips, truncation, numbers out of any range (`1e300`, `-1`, `1e999`, `2^63`), very long
/// strings, control characters and ANSI escapes in names, wide and zero-width characters, wrong
/// types, deep nesting, invalid UTF-8, a repeated chunk.
public struct HostileInput: Sendable {
    private var random: SplitMix64

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Numbers no daemon sends, as JSON number text (some of them not valid JSON at all).
    public static let hostileNumbers = [
        "1e300", "-1e300", "-1", "-0", "0.5", "1e999", "-1e999", "1e-300", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "1E+308", "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5",
        "99999999999999999999999999999999999999",
    ]

    /// String contents (escaped as JSON string text, quotes included) a name or message should
    /// never be: control characters and escape sequences, very long and very wide text, marks
    /// and joiners, lone surrogates.
    static let hostileStrings: [[UInt8]] = [
        "\\u001b[2J\\u001b[H\\u001b]0;pwned\\u0007",         // clear screen, home, retitle, bell
        "\\u001b[31mRED\\u001b[0m", "\\u009b31m", "\\r\\nSecond line", "\\t\\b\\f", "\\u0000nul",
        "\\u001bP1$r\\u001b\\\\",                              // a DCS query
        "\\u001d\\u0056\\u0042\\u0000 cut", "\\u0010\\u0014\\u0001 drawer", // ESC/POS: cut, cash drawer
        String(repeating: "A", count: 1_000), String(repeating: "A", count: 20_000),
        String(repeating: "号", count: 500), String(repeating: "号", count: 10_000),
        String(repeating: "e\\u0301", count: 2_000),           // a flood of combining marks
        String(repeating: "\\u200b", count: 5_000),            // zero-width spaces
        "\\u202eevil", "👨‍👩‍👧‍👦🇨🇳", "\\ud83d\\ude00", "\\ud800", "\\udc00x", "",
        String(repeating: "%s%n", count: 50), "'; DROP TABLE t; --", "../../etc/passwd",
    ].map { Array("\"\($0)\"".utf8) }

    /// Deeply nested values, arrays and objects.
    static let nestings: [[UInt8]] = [100, 600, 5_000].flatMap { depth in
        [Array((String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)).utf8),
         Array((String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)).utf8)]
    }

    /// Where each sample's tokens are (scanned once: the scan is the costly part).
    private var tokensBySample: [String: JSONTokens] = [:]

    /// One hostile variant of `sample`: one mutation aimed at a token or a byte, then up to two
    /// more at bytes.
    public mutating func mutate(_ sample: String) -> [UInt8] {
        let tokens = tokensBySample[sample] ?? JSONTokens(Array(sample.utf8))
        tokensBySample[sample] = tokens
        var bytes = mutateToken(Array(sample.utf8), tokens)
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            bytes = mutateBytes(bytes)
        }
        return bytes
    }

    /// `count` variants of each of `samples`, in a fixed order for the seed.
    public mutating func variants(of samples: [String], count: Int) -> [[UInt8]] {
        (0..<count).map { mutate(samples[$0 % samples.count]) }
    }

    private mutating func mutateToken(_ bytes: [UInt8], _ tokens: JSONTokens) -> [UInt8] {
        var bytes = bytes
        switch Int.random(in: 0..<9, using: &random) {
        case 0, 1:                     // a number no daemon sends
            if let range = tokens.numbers.randomElement(using: &random) {
                bytes.replaceSubrange(range, with: Array(Self.hostileNumbers.randomElement(using: &random)!.utf8))
            }
        case 2, 3, 4:                  // a string a screen must survive
            if let range = tokens.strings.randomElement(using: &random) {
                bytes.replaceSubrange(range, with: Self.hostileStrings.randomElement(using: &random)!)
            }
        case 5:                        // a raw control character or ESC inside a string (invalid JSON)
            if let range = tokens.strings.randomElement(using: &random), range.count >= 2 {
                bytes.insert(contentsOf: [0x1B, UInt8(ascii: "["), UInt8(ascii: "2"), UInt8(ascii: "J")], at: range.lowerBound + 1)
            }
        case 6:                        // the wrong type
            if let range = (tokens.numbers + tokens.strings + tokens.literals).randomElement(using: &random) {
                let other = ["null", "true", "[]", "{}", "\"3\"", "3", "[1,2]", "{\"a\":1}", "-1", "\"\""].randomElement(using: &random)!
                bytes.replaceSubrange(range, with: Array(other.utf8))
            }
        case 7:                        // deep nesting
            if let range = (tokens.numbers + tokens.strings).randomElement(using: &random) {
                bytes.replaceSubrange(range, with: Self.nestings.randomElement(using: &random)!)
            }
        default:
            return mutateBytes(bytes)
        }
        return bytes
    }

    private mutating func mutateBytes(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        switch Int.random(in: 0..<5, using: &random) {
        case 0 where !bytes.isEmpty:   // flip a bit
            let i = Int.random(in: 0..<bytes.count, using: &random)
            bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 1 where !bytes.isEmpty:   // cut short
            bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
        case 2:                        // bytes that are not UTF-8
            let i = Int.random(in: 0...bytes.count, using: &random)
            bytes.insert(contentsOf: [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8]].randomElement(using: &random)!, at: i)
        case 3 where !bytes.isEmpty:   // a chunk repeated (a long array, a duplicate key)
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 1...64, using: &random))
            let times = [2, 10, 200].randomElement(using: &random)!
            bytes.insert(contentsOf: Array([[UInt8]](repeating: Array(bytes[start..<end]), count: times).joined()), at: end)
        default:                       // a span deleted
            guard !bytes.isEmpty else { break }
            let start = Int.random(in: 0..<bytes.count, using: &random)
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...16, using: &random)))
        }
        return bytes
    }
}

/// Where the string, number and literal tokens of a JSON text are (a lenient scan: a mutated
/// text is often no longer JSON).
struct JSONTokens {
    var strings: [Range<Int>] = []
    var numbers: [Range<Int>] = []
    var literals: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                let end = min(j + 1, bytes.count)
                strings.append(i..<end)
                i = end
            } else if b == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                var j = i + 1
                while j < bytes.count, "0123456789.eE+-".utf8.contains(bytes[j]) { j += 1 }
                numbers.append(i..<j)
                i = j
            } else if b == UInt8(ascii: "t") || b == UInt8(ascii: "f") || b == UInt8(ascii: "n") {
                var j = i + 1
                while j < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[j]) { j += 1 }
                literals.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
    }
}
