import Foundation
import KioskDisplay
import KioskHTTPClient

/// A hall screen wired up: the live terminal, the stream reader, the snapshot source and
/// the voice. `kiosk display`, `kiosk serve --display` and `kiosk demo` run one.
public struct HallScreen: Sendable {
    public var layout: Layout
    /// Drawn instead of `layout` while the terminal is smaller than its canvas.
    public var compactLayout: Layout?
    public var address: ServerAddress
    public var token: String?
    public var window: String?
    public var fixedSize: Size?
    public var coalesce: Duration = .milliseconds(20)
    public var speakCommand: String?
    public var announceLog: String?
    public var repeats: Int = 2
    /// The zone the announcement log is stamped in (the hall's, when the caller knows it).
    public var timeZone: TimeZone = .current
    /// Appends a line per redraw to this file (for `scripts/bench-screens.py`): see `PaintLog`.
    public var paintLog: String?

    /// A screen drawing `layouts` (the compact one on a small terminal).
    public init(
        _ layouts: ScreenLayouts, address: ServerAddress, token: String?, window: String? = nil, fixedSize: Size? = nil,
        coalesce: Duration = .milliseconds(20), speakCommand: String? = nil, announceLog: String? = nil, repeats: Int = 2,
        timeZone: TimeZone = .current
    ) {
        self.init(
            layout: layouts.layout, address: address, token: token, window: window, fixedSize: fixedSize, coalesce: coalesce,
            speakCommand: speakCommand, announceLog: announceLog, repeats: repeats, compactLayout: layouts.compact
        )
        self.timeZone = timeZone
    }

    public init(
        layout: Layout, address: ServerAddress, token: String?, window: String? = nil, fixedSize: Size? = nil,
        coalesce: Duration = .milliseconds(20), speakCommand: String? = nil, announceLog: String? = nil, repeats: Int = 2,
        compactLayout: Layout? = nil
    ) {
        self.layout = layout
        self.compactLayout = compactLayout
        self.address = address
        self.token = token
        self.window = window
        self.fixedSize = fixedSize
        self.coalesce = coalesce
        self.speakCommand = speakCommand
        self.announceLog = announceLog
        self.repeats = repeats
    }

    /// Draws on `sink` (default: this process's terminal) until cancelled; the terminal is
    /// restored on return.
    public func run(on sink: (any TerminalSink)? = nil) async {
        // The snapshot is a few kilobytes: one over a megabyte is refused, never read whole.
        let transport = CurlHTTPTransport(configuration: .init(maximumResponseBytes: 1 << 20))
        defer { transport.shutdown() }
        var speakers: [any Speaker] = []
        if let announceLog { speakers.append(AnnouncementLog(path: announceLog, timeZone: timeZone)) }
        if let speakCommand, let speaker = CommandSpeaker(command: speakCommand) { speakers.append(speaker) }
        let announcements = speakers.isEmpty ? nil : AnnouncementQueue(speaker: SpeakerChain(speakers), repetitions: repeats)
        var options = DisplayLoop.Options(layout: layout, compactLayout: compactLayout)
        options.window = window
        options.fixedSize = fixedSize
        options.coalesce = coalesce
        let client = EventStreamClient(.hallScreen(address: address, token: token))
        var onPaint: (@Sendable (DisplayLoop.Paint) -> Void)?
        if let paintLog, let log = PaintLog(path: paintLog) { onPaint = { paint in log.append(paint) } }
        let loop = DisplayLoop(
            options: options, sink: sink ?? POSIXTerminal(fallback: fixedSize ?? layout.canvas),
            snapshots: HTTPHallSnapshotSource(transport: transport, address: address, token: token),
            events: { client.updates() }, announcements: announcements,
            onPaint: onPaint
        )
        await loop.run()
    }
}
