/// The pure render step: (layout, display model, size) → frame.
///
/// Splits divide the area with `SpaceDivider`; each region fills its rectangle with its
/// style, draws its border and title, then its lines (cut with `…`, aligned, the highlighted
/// list item reversed across the region's width).
public enum Renderer {
    /// The frame for `model` drawn with `layout` on a terminal of `size`.
    public static func render(_ layout: Layout, model: DisplayModel, size: Size) -> Frame {
        var frame = Frame(size: size)
        draw(layout.root, in: Rect(x: 0, y: 0, width: size.width, height: size.height),
             model: model, ambiguous: layout.ambiguous, on: &frame)
        return frame
    }

    private static func draw(_ node: LayoutNode, in rect: Rect, model: DisplayModel,
                             ambiguous: AmbiguousWidth, on frame: inout Frame) {
        guard !rect.isEmpty else { return }
        switch node {
        case .split(let split):
            let length = split.axis == .rows ? rect.height : rect.width
            var offset = 0
            for (child, size) in zip(split.children, SpaceDivider.divide(length, by: split.constraints)) {
                let area = split.axis == .rows
                    ? Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size)
                    : Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height)
                draw(child, in: area, model: model, ambiguous: ambiguous, on: &frame)
                offset += size
            }
        case .region(let region):
            RegionPainter(region: region, model: model, ambiguous: ambiguous).paint(in: rect, on: &frame)
        }
    }
}
