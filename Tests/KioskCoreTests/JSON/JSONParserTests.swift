import Testing
import KioskCore

/// The parser's containers: members and items separated by commas up to their closing
/// bracket, and what it says, where, when the separator is wrong.
@Suite struct JSONParserTests {
    @Test func emptyAndNestedContainersParse() throws {
        let node = try JSONParser.parse(#"{"a": [], "b": {}, "c": [1, [2, {"d": null}]], "e": {"f": [true, false]}}"#)
        guard case let .object(members) = node.kind else { Issue.record("not an object: \(node)"); return }
        #expect(members.map(\.key) == ["a", "b", "c", "e"])
        guard case let .array(items) = members[2].value.kind else { Issue.record("c is not an array"); return }
        #expect(items.count == 2)
        guard case let .array(none) = try JSONParser.parse(" [ ] ").kind else { Issue.record("not an array"); return }
        #expect(none.isEmpty)
    }

    @Test(arguments: [
        (#"{"a": 1 "b": 2}"#, 1, 9, #"expected ',' or '}' in an object but found '\"'"#),
        ("[1, 2 3]", 1, 7, "expected ',' or ']' in an array but found '3'"),
        ("{\"a\": [1,\n  2}", 2, 4, "expected ',' or ']' in an array but found '}'"),
        (#"{"a": 1"#, 1, 8, "expected ',' or '}' in an object but the input ended"),
        ("[1,", 1, 4, "expected a value but the input ended"),
        (#"{"a": 1,}"#, 1, 9, "expected a quoted key but found '}'"),
    ])
    func aWrongSeparatorIsNamedWhereItStands(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let error = #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
        #expect(error?.location == SourceLocation(line: line, column: column))
        #expect(error?.message == message)
    }
}
