/// Terminal bytes for a full paint of a layout against those for the redraw after one call
/// (`kiosk layouts bench`): the reason the screen writes only changed cells.
public struct RedrawCost: Sendable, Equatable {
    public var size: Size
    public var fullPaintBytes: Int
    public var redrawBytes: Int
    public var runs: Int
    public var cells: Int

    /// Measured on the built-in sample hall before and after its next call.
    public init(layout: Layout, size: Size) {
        let before = Renderer.render(layout, model: .sample, size: size)
        let after = Renderer.render(layout, model: .sampleAfterNextCall, size: size)
        let changes = FrameDiff.diff(before, after)
        self.size = size
        fullPaintBytes = ANSIEncoder.encode(previous: nil, next: before).utf8.count
        redrawBytes = ANSIEncoder.encode(previous: before, next: after).utf8.count
        runs = changes.count
        cells = changes.reduce(0) { $0 + $1.cells.count }
    }

    /// The redraw as a share of a full paint, in percent.
    public var redrawPercent: Double { 100 * Double(redrawBytes) / Double(max(fullPaintBytes, 1)) }

    /// The figures as `kiosk layouts bench` prints them for the layout named `name`.
    public func report(layout name: String) -> [String] {
        let percent = (redrawPercent * 10).rounded() / 10
        return [
            "layout \(name) at \(size)",
            "full paint: \(fullPaintBytes) bytes",
            "after one call: \(redrawBytes) bytes in \(runs) runs, \(cells) cells (\(percent)% of a full paint)",
        ]
    }
}
