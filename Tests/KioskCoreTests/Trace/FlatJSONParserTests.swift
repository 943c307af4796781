import Foundation
import KioskCore
import Testing

/// The journal's fast line reader: it takes every line the journal writes, and whatever it
/// takes, the strict parser takes too with the same value (anything else falls back to it).
@Suite struct FlatJSONParserTests {
    static func strict(_ text: String) -> JSONValue? {
        try? JSONParser.parse(text).value
    }

    @Test(arguments: TraceCodecTests.samples)
    func everyEventLineIsReadAsTheStrictParserReadsIt(_ kind: HallEvent.Kind) throws {
        let event = HallEvent(at: TraceCodecTests.at(32_400.123), kind)
        let line = TraceCodecTests.codec.encode(event).serialized()
        let fast = FlatJSONParser.parse(line)
        // Lines with an escape (none of the samples has one) are left to the strict parser.
        #expect(fast != nil, "\(line)")
        #expect(fast == Self.strict(line), "\(line)")
        #expect(try TraceCodecTests.codec.decode(#require(fast)) == event)
    }

    @Test func numbersLiteralsAndWhiteSpaceAreReadAsTheStrictParserReadsThem() throws {
        let lines = [
            #"{"t":30600.5,"n":-0,"e":1.5e3,"E":2E-2,"z":0,"ok":true,"no":false,"x":null}"#,
            " {\t\"a\" : \"b\" ,\r\n\"c\":-12.25 } \n",
            #"{}"#,
            #"{"名":"王主任（科长）","emoji":"🙂"}"#,
        ]
        for line in lines {
            let fast = try #require(FlatJSONParser.parse(line), "\(line)")
            #expect(fast == Self.strict(line), "\(line)")
        }
    }

    /// Valid JSON outside the flat, escape-free shape: left to the strict parser.
    @Test func escapesAndNestedValuesAreLeftToTheStrictParser() {
        for line in [#"{"a":"say \"hi\""}"#, #"{"a\n":1}"#, #"{"a":[1,2]}"#, #"{"a":{"b":1}}"#, #"[1]"#, #""text""#, #"3"#] {
            #expect(FlatJSONParser.parse(line) == nil, "\(line)")
            #expect(Self.strict(line) != nil, "\(line)")
        }
    }

    /// What the strict parser refuses (a quarantined row says why), the fast one refuses too.
    @Test func brokenLinesAreRefused() {
        let broken = [
            #"{"ev":"issue","tick"#, #"{"a":1,"a":2}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":-}"#, #"{"a":.5}"#, #"{"a":1e}"#,
            #"{"a":tru}"#, #"{"a":nul}"#, #"{"a" 1}"#, #"{"a":1,}"#, #"{"a":1} x"#, #"{"a":1}}"#, #"{a:1}"#, "{\"a\":\"x\u{01}y\"}",
            #"{"a":1e999}"#, "", "{", #"{"a":"unterminated}"#, #"{"a":+1}"#,
        ]
        for line in broken {
            #expect(FlatJSONParser.parse(line) == nil, "\(line)")
            #expect(Self.strict(line) == nil, "\(line)")
        }
    }

    /// Lines damaged at random (a byte dropped, doubled or replaced, as a corrupted row might
    /// be): whenever the fast reader takes one, the strict parser takes it with the same value.
    @Test func aDamagedLineIsNeverReadOtherwiseThanByTheStrictParser() {
        let line = Array(#"{"t":30600.123,"ev":"issue","ticket":"A001","service":"A","priority":0,"contact":true,"audit":"王主任"}"#.utf8)
        let replacements = Array(#"{}[]",:-.0123456789eE+tfnul "#.utf8) + [0x01, 0x5C]
        // The same damage on every run.
        var generator = SplitMix64(seed: 17)
        var taken = 0
        for _ in 0..<5_000 {
            var bytes = line
            for _ in 0...Int(generator.next() % 3) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = replacements[Int(generator.next() % UInt64(replacements.count))]
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let fast = FlatJSONParser.parse(text) else { continue }
            taken += 1
            #expect(fast == Self.strict(text), "\(text)")
        }
        // Some damage leaves valid JSON (a digit changed): the comparison above did run.
        #expect(taken > 100)
    }
}
