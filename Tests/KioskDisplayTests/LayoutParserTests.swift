import Testing
@testable import KioskDisplay

@Suite("Layout parser")
struct LayoutParserTests {
    static let header = "layout t\nversion 1\ncanvas 40x10\n"

    /// Diagnostics for a file made of the standard header (lines 1–3) and `body` (line 4 on).
    func diagnostics(_ body: String, header: String = LayoutParserTests.header) -> [String] {
        do {
            _ = try Layout.parse(header + body, file: "main.layout")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func parsesTheSketchFromTheDesign() throws {
        let source = """
        layout main-hall
        version 1
        canvas 48x12
        ambiguous narrow          # how box-drawing / → / … are measured

        rows 3 fill 1
          region header border=none align=center valign=middle style=bold
            text "{hall.name} · {clock}"
          columns 3/5 fill
            region serving title="正在叫号 Now calling" border=single
              list calls limit=6 highlight=first
                item "{ticket:<4} → {counter:<8}"
                empty "—"
            region waiting title="等候 Waiting" border=single
              list services
                item "{code} {name:<8}{waiting:>3} ~{eta:>2}m"
          region footer align=left style=dim
            text "{notice}"
        """
        let layout = try Layout.parse(source, file: "main.layout")
        #expect(layout.name == "main-hall")
        #expect(layout.canvas == Size(width: 48, height: 12))
        #expect(layout.ambiguous == .narrow)
        guard case .split(let rows) = layout.root else { Issue.record("root is not a split"); return }
        #expect(rows.axis == .rows)
        #expect(rows.constraints == [.length(3), .fill(1), .length(1)])
        guard case .split(let columns) = rows.children[1],
              case .region(let serving) = columns.children[0],
              case .list(let calls) = serving.contents[0] else { Issue.record("unexpected tree"); return }
        #expect(columns.constraints == [.ratio(3, 5), .fill(1)])
        #expect(serving.border == .single)
        #expect(calls.limit == 6)
        #expect(calls.highlight == .first)
        #expect(calls.item.segments == [
            .placeholder(Placeholder(path: "ticket", alignment: .left, width: 4)),
            .literal(" → "),
            .placeholder(Placeholder(path: "counter", alignment: .left, width: 8)),
        ])
        #expect(calls.empty == Template(literal: "—"))
    }

    @Test func quotedTextKeepsEscapesAndBraces() throws {
        let layout = try Layout.parse(Self.header + "region r\n  text \"say \\\"hi\\\" {{x}} {a:^3}\"\n", file: "t")
        guard case .region(let region) = layout.root, case .text(let template) = region.contents[0] else {
            Issue.record("unexpected tree"); return
        }
        #expect(template.segments == [.literal("say \"hi\" {x} "), .placeholder(Placeholder(path: "a", alignment: .center, width: 3))])
    }

    @Test func splitWithoutConstraintsGivesEveryChildFill() throws {
        let layout = try Layout.parse(Self.header + "columns\n  region a\n  region b\n", file: "t")
        guard case .split(let split) = layout.root else { Issue.record("not a split"); return }
        #expect(split.constraints == [.fill(1), .fill(1)])
    }

    @Test(arguments: [
        ("columns 3/5 abc\n  region a\n  region b\n",
         #"main.layout:4:13: expected a constraint (N, N%, a/b, min:N, max:N, fill) but found "abc""#),
        ("rows 3 fill:0\n  region a\n  region b\n",
         #"main.layout:4:8: expected a constraint (N, N%, a/b, min:N, max:N, fill) but found "fill:0""#),
        ("rows 3 fill 1\n  region a\n  region b\n",
         "main.layout:4:1: expected 3 indented children for the 3 constraints but found 2"),
        ("rows 1 1\n",
         "main.layout:4:1: expected indented regions, rows or columns under `rows`"),
        ("region a colour=red\n",
         #"main.layout:4:10: expected an option border, title, align, valign or style but found "colour""#),
        ("region a border=thick\n",
         #"main.layout:4:17: expected border=none, single or double but found "thick""#),
        ("region a align=middle\n",
         #"main.layout:4:16: expected align=left, center or right but found "middle""#),
        ("region a style=blink\n",
         #"main.layout:4:16: expected style=plain, bold, dim or reverse (combine with commas) but found "blink""#),
        ("region a bold\n",
         #"main.layout:4:10: expected an option like border=single, title="…", align=center, valign=middle or style=bold but found "bold""#),
        ("region\n",
         "main.layout:4:7: expected a region name (letters, digits, - or _) after `region` but found the end of the line"),
        ("region a\n  text \"{clock\"\n",
         "main.layout:5:9: expected } to close the placeholder started here (write {{ for a literal {)"),
        ("region a\n  text \"now {hall..name}\"\n",
         #"main.layout:5:14: expected a model path like clock or hall.name inside { } but found "hall..name""#),
        ("region a\n  text \"{name:<x}\"\n",
         #"main.layout:5:15: expected a field width like <8, >3 or ^10 (columns, 1 to 999) after "name:" but found "<x""#),
        ("region a\n  text \"unclosed\n",
         "main.layout:5:8: expected a closing \" for the text started here"),
        ("region a\n  text clock\n",
         #"main.layout:5:8: expected a quoted template after `text`, e.g. text "{clock}", but found "clock""#),
        ("region a\n  text \"a\" \"b\"\n",
         #"main.layout:5:12: expected the end of the line after the template but found ""b"""#),
        ("region a\n  list calls\n",
         "main.layout:5:3: expected an indented `item \"…\"` line under `list calls`"),
        ("region a\n  list calls limit=0\n    item \"x\"\n",
         #"main.layout:5:20: expected limit=N with N from 1 to 999 but found "0""#),
        ("region a\n  list calls\n    item \"x\"\n    item \"y\"\n",
         "main.layout:7:5: expected one `item` line in a list but found another"),
        ("region a\n  list calls\n    row \"x\"\n",
         #"main.layout:6:5: expected item or empty inside list "calls" but found "row""#),
        ("region a\n  image \"x\"\n",
         #"main.layout:5:3: expected text or list inside region "a" but found "image""#),
        ("columns\n  region a\n  region a\n",
         #"main.layout:6:10: expected a unique region name but "a" is used twice"#),
        ("region a\n   text \"x\"\n",
         "main.layout:5:1: expected indentation of 2 spaces (2 per level) but found 3"),
        ("region a\n\ttext \"x\"\n",
         "main.layout:5:1: expected spaces for indentation (2 per level) but found a tab"),
        ("text \"x\"\n",
         #"main.layout:4:1: expected layout, version, canvas, ambiguous, rows, columns or region but found "text"; indent it under a region"#),
        ("region a\nregion b\n",
         "main.layout:5:1: expected one top-level rows, columns or region (the whole screen) but found another; indent it under the first"),
        ("ambiguous maybe\nregion a\n",
         #"main.layout:4:11: expected ambiguous narrow or wide but found "maybe""#),
    ])
    func reportsEachKindOfErrorWithItsPosition(body: String, expected: String) {
        #expect(diagnostics(body).contains(expected), "got \(diagnostics(body))")
    }

    @Test(arguments: [
        ("layout t\nversion 2\ncanvas 40x10\nregion a\n",
         #"main.layout:2:9: expected version 1 (the only format version) but found "2""#),
        ("layout t\nversion 1\ncanvas 40by10\nregion a\n",
         #"main.layout:3:8: expected a canvas size WxH like 120x40 (1 to 1000 each) but found "40by10""#),
        ("version 1\ncanvas 40x10\nregion a\n", "main.layout:1:1: expected a `layout NAME` line"),
        ("layout t\nversion 1\nregion a\n", "main.layout:1:1: expected a `canvas WxH` line, e.g. canvas 120x40"),
        ("layout t\nversion 1\ncanvas 40x10\n", "main.layout:1:1: expected a rows, columns or region line describing the screen"),
        ("layout t\nversion 1\ncanvas 40x10 extra\nregion a\n",
         #"main.layout:3:14: expected the end of the line after `canvas 40x10` but found "extra""#),
    ])
    func reportsHeaderProblems(source: String, expected: String) {
        #expect(diagnostics(source, header: "").contains(expected), "got \(diagnostics(source, header: ""))")
    }

    @Test func collectsEveryErrorInFileOrder() {
        let found = diagnostics("""
        rows 3 zz 1
          region a border=thick
            text "{x"
          region b
          region a
        """)
        #expect(found == [
            #"main.layout:4:8: expected a constraint (N, N%, a/b, min:N, max:N, fill) but found "zz""#,
            #"main.layout:5:19: expected border=none, single or double but found "thick""#,
            "main.layout:6:11: expected } to close the placeholder started here (write {{ for a literal {)",
            #"main.layout:8:10: expected a unique region name but "a" is used twice"#,
        ])
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let layout = try Layout.parse("# top\n\nlayout t # name\nversion 1\ncanvas 10x2\n\n  # indented comment\nregion a # r\n  text \"# not a comment\"\n", file: "t")
        guard case .region(let region) = layout.root else { Issue.record("not a region"); return }
        #expect(region.contents == [.text(Template(literal: "# not a comment"))])
    }
}
