import Testing
@testable import KioskDisplay

@Suite("Shipped layouts")
struct ShippedLayoutTests {
    @Test func theThreeHallScreensShip() {
        #expect(Set(ShippedLayouts.names).isSuperset(of: ["main-hall", "window-strip", "small-80x24"]))
    }

    @Test(arguments: ShippedLayouts.names)
    func layoutMatchesItsSnapshotAtItsCanvasSize(name: String) throws {
        let layout = try ShippedLayouts.load(name)
        let frame = Renderer.render(layout, model: .sample, size: layout.canvas)
        SnapshotFile.assertMatches(FrameSnapshot.text(frame, title: "\(name) with DisplayModel.sample at"), named: name)
    }

    @Test(arguments: ShippedLayouts.names)
    func layoutAfterOneCallMatchesItsSnapshot(name: String) throws {
        let layout = try ShippedLayouts.load(name)
        let frame = Renderer.render(layout, model: .sampleAfterNextCall, size: layout.canvas)
        SnapshotFile.assertMatches(FrameSnapshot.text(frame, title: "\(name) with DisplayModel.sampleAfterNextCall at"),
                                   named: "\(name).after-call")
    }

    @Test(arguments: ShippedLayouts.names)
    func aRedrawAfterOneCallWritesASmallFractionOfAFullPaint(name: String) throws {
        let layout = try ShippedLayouts.load(name)
        let before = Renderer.render(layout, model: .sample, size: layout.canvas)
        let after = Renderer.render(layout, model: .sampleAfterNextCall, size: layout.canvas)
        let full = ANSIEncoder.encode(previous: nil, next: after).utf8.count
        let redraw = ANSIEncoder.encode(previous: before, next: after).utf8.count
        // The strip is two short lines that all change; screens must do much better.
        #expect(redraw < full / (layout.canvas.height <= 2 ? 1 : 3), "full \(full) bytes, redraw \(redraw)")
    }

    /// At every size from 40x10 to 200x60 no line is wider than the frame, no glyph is split.
    @Test(arguments: ShippedLayouts.names)
    func noLineOverflowsAndNoGlyphIsSplitAtAnySize(name: String) throws {
        let layout = try ShippedLayouts.load(name)
        for model in [DisplayModel.sample, .sampleAfterNextCall, Self.overlong] {
            for width in stride(from: 40, through: 200, by: 7) {
                for height in stride(from: 10, through: 60, by: 5) {
                    let frame = Renderer.render(layout, model: model, size: Size(width: width, height: height))
                    #expect(frame.lines().count == height)
                    for line in frame.lines() {
                        let columns = DisplayWidth.columns(of: line, ambiguous: layout.ambiguous)
                        #expect(columns == width, "\(name) at \(width)x\(height): line is \(columns) columns")
                    }
                    FrameDiffTests.assertWellFormed(frame, ambiguous: layout.ambiguous)
                }
            }
        }
        for size in [Size(width: 40, height: 10), Size(width: 200, height: 60)] {
            let frame = Renderer.render(layout, model: Self.overlong, size: size)
            #expect(frame.size == size)
        }
    }

    /// Sample data with every text made long and wide, to force cuts at odd columns.
    static let overlong: DisplayModel = {
        func stretch(_ value: DisplayValue) -> DisplayValue {
            switch value {
            case .text(let text): return .text(String(repeating: text + "长长的文字👍", count: 5))
            case .list(let items): return .list((items + items + items).map { $0.mapValues(stretch) })
            case .record(let fields): return .record(fields.mapValues(stretch))
            }
        }
        return DisplayModel(DisplayModel.sample.root.mapValues(stretch))
    }()
}
