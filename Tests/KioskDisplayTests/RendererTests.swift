import Testing
@testable import KioskDisplay

@Suite("Renderer")
struct RendererTests {
    func layout(_ body: String, canvas: String = "20x3", ambiguous: String = "narrow") throws -> Layout {
        try Layout.parse("layout t\nversion 1\ncanvas \(canvas)\nambiguous \(ambiguous)\n" + body, file: "t")
    }

    func render(_ body: String, _ model: DisplayModel = DisplayModel(), canvas: String = "20x3",
                ambiguous: String = "narrow") throws -> Frame {
        let layout = try layout(body, canvas: canvas, ambiguous: ambiguous)
        return Renderer.render(layout, model: model, size: layout.canvas)
    }

    @Test func fillsPlaceholdersAndAlignsLines() throws {
        let frame = try render("""
        rows 1 1 1
          region a
            text "{hall.name}"
          region b align=center
            text "{clock}"
          region c align=right
            text "{missing}end"
        """, DisplayModel(["hall": ["name": "市民服务大厅"], "clock": "09:41"]))
        #expect(frame.lines() == ["市民服务大厅        ", "       09:41        ", "                 end"])
    }

    @Test func overflowIsCutWithEllipsisAtTheRegionEdge() throws {
        let frame = try render("region a\n  text \"{notice}\"\n", DisplayModel(["notice": "请携带身份证原件 Please bring ID"]), canvas: "11x1")
        #expect(frame.lines() == ["请携带身份…"])
        #expect(frame[10, 0].symbol == "…")
        #expect(frame[9, 0].isContinuation)
    }

    @Test func wideGlyphNeverStraddlesAnEdge() {
        var frame = Frame(size: Size(width: 5, height: 1))
        let end = frame.write("ab市民", x: 0, y: 0, limit: 3, ambiguous: .narrow)
        #expect(end == 3)
        #expect(frame.lines() == ["ab   "])
        #expect(!frame[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideGlyphClearsTheOtherHalf() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.write("市民", x: 0, y: 0, limit: 4, ambiguous: .narrow)
        frame.put("x", width: 1, x: 1, y: 0)
        frame.put("y", width: 1, x: 2, y: 0)
        #expect(frame.lines() == [" xy "])
        #expect(frame.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func firstListItemIsReversedAcrossTheRegion() throws {
        let frame = try render("""
        region calls border=single title="叫号"
          list calls highlight=first
            item "{ticket} → {counter}"
        """, DisplayModel(["calls": [["ticket": "A024", "counter": "3号"], ["ticket": "A023", "counter": "2号"]]]),
        canvas: "14x4")
        #expect(frame.lines() == ["┌叫号────────┐", "│A024 → 3号  │", "│A023 → 2号  │", "└────────────┘"])
        #expect((1...12).allSatisfy { frame[$0, 1].style == .reverse })
        #expect(frame[0, 1].style == [])
        #expect((1...12).allSatisfy { frame[$0, 2].style == [] })
    }

    @Test func highlightByFieldLetsTheAppDecide() throws {
        let frame = try render("region r\n  list calls highlight=fresh\n    item \"{ticket}\"\n",
                               DisplayModel(["calls": [["ticket": "A1", "fresh": ""], ["ticket": "A2", "fresh": "1"]]]), canvas: "4x2")
        #expect(frame[0, 0].style == [])
        #expect(frame[0, 1].style == .reverse)
    }

    @Test func emptyListShowsTheEmptyLine() throws {
        let frame = try render("region r valign=middle\n  list calls\n    item \"{ticket}\"\n    empty \"—\"\n", canvas: "3x3")
        #expect(frame.lines() == ["   ", "—  ", "   "])
    }

    @Test func listLimitAndRegionHeightBothCapItems() throws {
        let model = DisplayModel(["xs": .list((1...9).map { ["n": .text("\($0)")] })])
        let limited = try render("region r\n  list xs limit=2\n    item \"{n}\"\n", model, canvas: "1x4")
        #expect(limited.lines() == ["1", "2", " ", " "])
        // A list meant to be complete says how many did not fit rather than dropping them silently.
        let clipped = try render("region r\n  list xs\n    item \"{n}\"\n", model, canvas: "16x3")
        #expect(clipped.lines() == ["1" + String(repeating: " ", count: 15), "2" + String(repeating: " ", count: 15), " 另有7项 +7 more"])
    }

    @Test func itemFieldsShadowTopLevelPathsAndFallBackToThem() throws {
        let frame = try render("region r\n  list xs\n    item \"{name}@{hall.name}\"\n",
                               DisplayModel(["name": "top", "hall": ["name": "H"], "xs": [["name": "item"]]]), canvas: "6x1")
        #expect(frame.lines() == ["item@H"])
    }

    @Test func controlCharactersInModelTextNeverReachTheFrame() throws {
        let frame = try render("region r\n  text \"{notice}\"\n", DisplayModel(["notice": "a\u{1B}[2Jb\nc\u{7}"]), canvas: "8x1")
        #expect(frame.lines() == ["a[2Jb c "])
    }

    @Test func ambiguousWideLayoutsUseASCIIBordersAndWideArrows() throws {
        let frame = try render("region r border=single\n  text \"A→B\"\n", canvas: "7x3", ambiguous: "wide")
        #expect(frame.lines() == ["+-----+", "|A→B |", "+-----+"])
        #expect(frame[3, 1].isContinuation)
    }

    @Test func regionStyleCoversItsWholeArea() throws {
        let frame = try render("rows 1 1\n  region a style=reverse\n    text \"x\"\n  region b style=bold,dim\n    text \"y\"\n", canvas: "3x2")
        #expect((0..<3).allSatisfy { frame[$0, 0].style == .reverse })
        #expect(frame[0, 1].style == [.bold, .dim])
    }

    @Test func titleWithoutBorderBecomesTheFirstLine() throws {
        let frame = try render("region r title=\"窗口 {n}\"\n  text \"x\"\n", DisplayModel(["n": "3"]), canvas: "8x2")
        #expect(frame.lines() == ["窗口 3  ", "x       "])
    }

    @Test func tooSmallAreasDropTheBorderAndStillFit() throws {
        let frame = try render("region r border=double title=\"Title\"\n  text \"body\"\n", canvas: "3x1")
        #expect(frame.lines() == ["Ti…"])
    }
}
