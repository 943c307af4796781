import Testing
@testable import KioskDisplay

@Suite("Frame diff and ANSI encoding")
struct FrameDiffTests {
    static let glyphs = ["a", "Z", "7", " ", "市", "民", "号", "，", "→", "…", "─", "👍", "e\u{301}", "🇨🇳", "ｱ"]

    /// A frame scribbled with random text (mixed widths) in random styles.
    static func randomFrame(_ size: Size, writes: Int, ambiguous: AmbiguousWidth, rng: inout SplitMix64,
                            startingFrom start: Frame? = nil) -> Frame {
        var frame = start ?? Frame(size: size)
        for _ in 0..<writes {
            let text = (0..<Int.random(in: 1...8, using: &rng)).map { _ in glyphs.randomElement(using: &rng)! }.joined()
            let x = Int.random(in: 0..<size.width, using: &rng)
            let y = Int.random(in: 0..<size.height, using: &rng)
            let style = CellStyle(rawValue: UInt8.random(in: 0...7, using: &rng))
            frame.write(text, x: x, y: y, limit: size.width, style: style, ambiguous: ambiguous)
        }
        return frame
    }

    static func assertWellFormed(_ frame: Frame, ambiguous: AmbiguousWidth) {
        for y in 0..<frame.size.height {
            let row = Array(frame.row(y))
            for (x, cell) in row.enumerated() {
                let wide = !cell.isContinuation && DisplayWidth.columns(of: cell.symbol, ambiguous: ambiguous) == 2
                let nextIsContinuation = x + 1 < row.count && row[x + 1].isContinuation
                #expect(wide == nextIsContinuation, "row \(y) col \(x)")
                if cell.isContinuation { #expect(x > 0) }
            }
        }
    }

    @Test(arguments: [AmbiguousWidth.narrow, .wide])
    func applyingTheDiffToTheOldFrameGivesTheNewOne(ambiguous: AmbiguousWidth) {
        var rng = SplitMix64(seed: ambiguous == .narrow ? 42 : 4242)
        for _ in 0..<300 {
            let size = Size(width: Int.random(in: 1...30, using: &rng), height: Int.random(in: 1...6, using: &rng))
            let a = Self.randomFrame(size, writes: Int.random(in: 0...12, using: &rng), ambiguous: ambiguous, rng: &rng)
            // Half the time b is a small edit of a (the usual redraw), otherwise unrelated.
            let b = Bool.random(using: &rng)
                ? Self.randomFrame(size, writes: Int.random(in: 0...3, using: &rng), ambiguous: ambiguous, rng: &rng, startingFrom: a)
                : Self.randomFrame(size, writes: Int.random(in: 0...12, using: &rng), ambiguous: ambiguous, rng: &rng)
            Self.assertWellFormed(a, ambiguous: ambiguous)
            Self.assertWellFormed(b, ambiguous: ambiguous)
            let changes = FrameDiff.diff(a, b)
            var patched = a
            patched.apply(changes)
            #expect(patched == b)
            #expect(changes.allSatisfy { !$0.cells[0].isContinuation })
            #expect(changes.allSatisfy { $0.x + $0.cells.count <= size.width })
            #expect(changes.allSatisfy { change in change.x + change.cells.count == size.width
                || !b[change.x + change.cells.count, change.y].isContinuation })

            // The bytes, played on a terminal that shows a, leave it showing b.
            var terminal = VirtualTerminal(showing: a, ambiguous: ambiguous)
            terminal.feed(ANSIEncoder.encode(previous: a, next: b))
            #expect(terminal.frame == b)
            var fresh = VirtualTerminal(showing: Self.randomFrame(size, writes: 5, ambiguous: ambiguous, rng: &rng), ambiguous: ambiguous)
            fresh.feed(ANSIEncoder.fullPaint(b))
            #expect(fresh.frame == b)
        }
    }

    @Test func identicalFramesNeedNoBytes() {
        var rng = SplitMix64(seed: 1)
        let frame = Self.randomFrame(Size(width: 20, height: 5), writes: 10, ambiguous: .narrow, rng: &rng)
        #expect(FrameDiff.diff(frame, frame).isEmpty)
        #expect(ANSIEncoder.encode(previous: frame, next: frame) == "")
    }

    @Test func oneChangedCellIsOneMoveAndOneGlyph() {
        let a = Frame(size: Size(width: 10, height: 3))
        var b = a
        b.put("X", width: 1, x: 4, y: 1)
        #expect(ANSIEncoder.encode(previous: a, next: b) == "\u{1B}[2;5H\u{1B}[0mX")
    }

    @Test func styledChangesSetSGRAndResetAfterwards() {
        let a = Frame(size: Size(width: 4, height: 1))
        var b = a
        b.write("市", x: 0, y: 0, limit: 4, style: [.bold, .reverse], ambiguous: .narrow)
        #expect(ANSIEncoder.encode(previous: a, next: b) == "\u{1B}[1;1H\u{1B}[0;1;7m市\u{1B}[0m")
    }

    @Test func nearbyChangesOnARowAreMergedIntoOneRun() {
        let a = Frame(size: Size(width: 20, height: 1))
        var b = a
        b.put("x", width: 1, x: 2, y: 0)
        b.put("y", width: 1, x: 5, y: 0)
        b.put("z", width: 1, x: 15, y: 0)
        let changes = FrameDiff.diff(a, b)
        #expect(changes.map(\.x) == [2, 15])
        #expect(changes[0].cells.map(\.symbol) == ["x", " ", " ", "y"])
        // A far change on the same row moves the cursor forward rather than absolutely.
        #expect(ANSIEncoder.encode(changes, pen: []) == "\u{1B}[1;3Hx  y\u{1B}[9Cz")
    }

    @Test func aResizeOrFirstFrameRepaintsFully() {
        let small = Frame(size: Size(width: 4, height: 2))
        let big = Frame(size: Size(width: 5, height: 2))
        #expect(ANSIEncoder.encode(previous: nil, next: small).hasPrefix("\u{1B}[0m\u{1B}[2J"))
        #expect(ANSIEncoder.encode(previous: small, next: big).hasPrefix("\u{1B}[0m\u{1B}[2J"))
    }
}
