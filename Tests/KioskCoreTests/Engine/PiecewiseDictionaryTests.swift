import KioskCore
import Testing

/// `PiecewiseDictionary` (the `TicketBook` of `HallState.tickets`) answers as a `Dictionary`
/// would after any sequence of writes, and a copy changed afterwards leaves the original as it
/// was (the published snapshot must not see the hall's next change).
@Suite struct PiecewiseDictionaryTests {
    @Test func randomWritesAnswerAsADictionaryDoes() {
        var rng = SplitMix64(seed: 17)
        var book: PiecewiseDictionary<String, Int> = [:]
        var plain: [String: Int] = [:]
        for step in 0..<20_000 {
            let key = "A\(rng.next() % 700)"
            switch rng.next() % 5 {
            case 0: book[key] = step; plain[key] = step
            case 1: book[key]? += 1; plain[key]? += 1
            case 2: book[key, default: 0] += 2; plain[key, default: 0] += 2
            case 3: #expect(book.removeValue(forKey: key) == plain.removeValue(forKey: key))
            default: book[key] = nil; plain[key] = nil
            }
            #expect(book[key] == plain[key])
        }
        #expect(book.count == plain.count)
        #expect(book.isEmpty == plain.isEmpty)
        #expect(book.keys.sorted() == plain.keys.sorted())
        #expect(book.values.sorted() == plain.values.sorted())
        #expect(Dictionary(uniqueKeysWithValues: book.map { ($0.key, $0.value) }) == plain)
        #expect(plain.count > 300, "the walk left \(plain.count) keys: too few to have filled the pieces")
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        var original: PiecewiseDictionary<String, Int> = [:]
        for i in 0..<1_000 { original["A\(i)"] = i }
        var copy = original
        copy["A5"] = -5
        copy.removeValue(forKey: "A6")
        copy["B1"] = 1
        #expect(original["A5"] == 5 && original["A6"] == 6 && original["B1"] == nil && original.count == 1_000)
        #expect(copy["A5"] == -5 && copy["A6"] == nil && copy["B1"] == 1 && copy.count == 1_000)
        #expect(copy != original)
        copy["A5"] = 5
        copy["A6"] = 6
        copy["B1"] = nil
        #expect(copy == original)
    }

    @Test func anEmptyBookAndALiteralOne() {
        let empty = TicketBook()
        #expect(empty.isEmpty && empty.count == 0 && empty.keys.isEmpty)
        let literal: PiecewiseDictionary<String, Int> = ["A001": 1, "B002": 2]
        #expect(literal.count == 2 && literal["A001"] == 1 && literal["B002"] == 2 && literal["C003"] == nil)
    }
}
