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
}
