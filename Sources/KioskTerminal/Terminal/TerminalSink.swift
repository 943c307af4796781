import KioskDisplay

/// Where frames go: the one place the display writes bytes. The live adapter is
/// ``POSIXTerminal``; tests and the benchmark record writes instead.
public protocol TerminalSink: Sendable {
    /// The drawable size now, in columns and rows.
    func size() -> Size
    /// Takes the screen over (alternate screen, hidden cursor).
    func enter()
    /// Writes encoded bytes as they are.
    func write(_ bytes: String)
    /// Gives the screen back as it was.
    func leave()
    /// Resize notifications (each element: the terminal changed size).
    func resizes() -> AsyncStream<Void>
}
