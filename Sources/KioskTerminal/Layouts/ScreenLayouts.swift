import KioskDisplay

/// What a hall screen draws: its layout, and optionally a compact one for terminals smaller
/// than the layout's canvas (the embedded 120x40 main hall screen on an 80x24 terminal, where
/// it would hide windows and lines).
public struct ScreenLayouts: Sendable {
    public var layout: Layout
    /// Drawn instead of `layout` while the screen is smaller than `layout.canvas`; nil: always `layout`.
    public var compact: Layout?

    public init(layout: Layout, compact: Layout? = nil) {
        self.layout = layout
        self.compact = compact
    }

    /// The layout for a screen of `size` (columns x rows).
    public func layout(for size: Size) -> Layout {
        guard let compact, size.width < layout.canvas.width || size.height < layout.canvas.height else { return layout }
        return compact
    }
}
