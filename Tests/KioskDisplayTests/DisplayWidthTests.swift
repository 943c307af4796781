import Testing
@testable import KioskDisplay

@Suite("Display width")
struct DisplayWidthTests {
    @Test(arguments: [
        ("A", 1), ("hello", 5), ("市民服务大厅", 12), ("3号窗口", 7), ("正在办理 A023", 13),
    ])
    func asciiIsOneColumnAndCJKIsTwo(text: String, columns: Int) {
        #expect(DisplayWidth.columns(of: text) == columns)
    }

    @Test(arguments: [
        ("，", 2), ("。", 2), ("：", 2), ("（）", 4), ("Ｆ", 2), ("、", 2), ("「」", 4),
    ])
    func fullWidthPunctuationIsTwoColumns(text: String, columns: Int) {
        #expect(DisplayWidth.columns(of: text) == columns)
    }

    @Test func halfWidthKatakanaIsOneColumn() {
        #expect(DisplayWidth.columns(of: "ｱｲｳ") == 3)
    }

    @Test(arguments: [
        ("e\u{301}", 1), ("\u{301}", 0), ("a\u{20DD}", 1), ("\u{200B}", 0), ("\u{200D}", 0),
        ("\u{FEFF}", 0), ("n\u{303}o\u{308}", 2), ("\u{1100}\u{1161}\u{11A8}", 2),
    ])
    func combiningMarksAndFormatCharactersTakeNoColumn(text: String, columns: Int) {
        #expect(DisplayWidth.columns(of: text) == columns)
    }

    @Test(arguments: [
        ("👍", 2), ("🎫", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇨🇳", 2), ("❤️", 2), ("1️⃣", 2), ("⌚", 2),
    ])
    func emojiArePicturesTwoColumnsWide(text: String, columns: Int) {
        #expect(DisplayWidth.columns(of: text) == columns)
    }

    @Test(arguments: ["→", "…", "─", "│", "┌", "═", "·", "※", "°"])
    func ambiguousGlyphsFollowTheLayoutSetting(text: String) {
        #expect(DisplayWidth.columns(of: text, ambiguous: .narrow) == 1)
        #expect(DisplayWidth.columns(of: text, ambiguous: .wide) == 2)
    }

    @Test func ambiguousSettingLeavesUnambiguousTextAlone() {
        #expect(DisplayWidth.columns(of: "A023 3号窗口", ambiguous: .wide) == DisplayWidth.columns(of: "A023 3号窗口"))
    }

    @Test func controlCharactersTakeNoColumn() {
        #expect(DisplayWidth.columns(of: "\u{1B}[2J") == 3)  // ESC is 0, "[2J" is 3
        #expect(DisplayWidth.columns(of: "\u{7}\u{9B}") == 0)
    }

    @Test func tableRecordsItsUnicodeVersion() {
        #expect(DisplayWidth.unicodeVersion == "15.0.0")
        #expect(WidthTable.starts.count == WidthTable.ends.count)
        #expect(WidthTable.starts.count == WidthTable.kinds.count)
        #expect(zip(WidthTable.ends, WidthTable.starts.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func truncationCutsInDisplayColumnsWithEllipsis() {
        #expect(TextFitting.truncate("社保参保登记", toColumns: 5) == "社保…")
        #expect(TextFitting.truncate("社保参保登记", toColumns: 12) == "社保参保登记")
        #expect(TextFitting.truncate("Please bring ID", toColumns: 6) == "Pleas…")
        #expect(TextFitting.truncate("社保", toColumns: 1) == "…")
        #expect(TextFitting.truncate("社保", toColumns: 0) == "")
    }

    @Test func truncationMeasuresTheEllipsisWithTheAmbiguousSetting() {
        #expect(TextFitting.truncate("ABCDEFG", toColumns: 5, ambiguous: .wide) == "ABC…")
        #expect(TextFitting.truncate("ABCDEFG", toColumns: 1, ambiguous: .wide) == "A")
    }

    @Test func fittingPadsToExactColumns() {
        #expect(TextFitting.fit("A7", toColumns: 4, alignment: .left) == "A7  ")
        #expect(TextFitting.fit("7", toColumns: 3, alignment: .right) == "  7")
        #expect(TextFitting.fit("窗口", toColumns: 7, alignment: .center) == " 窗口  ")
        // A wide glyph that would straddle the field end is dropped; padding fills the hole.
        #expect(TextFitting.fit("证件办理", toColumns: 6, alignment: .left) == "证件… ")
        #expect(DisplayWidth.columns(of: TextFitting.fit("证件办理", toColumns: 6, alignment: .left)) == 6)
    }
}
