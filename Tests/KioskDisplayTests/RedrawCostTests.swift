import Foundation
import KioskDisplay
import Testing

/// `kiosk layouts bench`: the redraw after one call costs a fraction of a full paint.
@Suite struct RedrawCostTests {
    @Test func oneCallRedrawsFewCellsOfEveryShippedLayout() throws {
        for name in ShippedLayouts.names {
            let layout = try ShippedLayouts.load(name)
            let cost = RedrawCost(layout: layout, size: layout.canvas)
            #expect(cost.size == layout.canvas)
            #expect(cost.fullPaintBytes > 0, "\(name)")
            #expect(cost.runs > 0 && cost.cells > 0, "\(name): the sample's next call changes the screen")
            #expect(cost.redrawBytes < cost.fullPaintBytes, "\(name)")
            #expect(cost.redrawPercent == 100 * Double(cost.redrawBytes) / Double(cost.fullPaintBytes))
        }
    }

    @Test func theReportSaysTheFiguresWithThePercentToOneDecimal() throws {
        var cost = RedrawCost(layout: try ShippedLayouts.load(ShippedLayouts.names[0]), size: Size(width: 80, height: 24))
        (cost.fullPaintBytes, cost.redrawBytes, cost.runs, cost.cells) = (8000, 987, 4, 37)
        #expect(cost.report(layout: "main-hall") == [
            "layout main-hall at \(cost.size)",
            "full paint: 8000 bytes",
            "after one call: 987 bytes in 4 runs, 37 cells (12.3% of a full paint)",
        ])
    }
}
