import KioskAPI
import KioskCore
import KioskDisplay
import Synchronization

/// The hall screen: follows the event stream, fetches the snapshot after each burst of
/// events, renders the layout, and writes only the cells that changed.
///
/// Inputs (stream updates, resizes, the clock tick) only note what happened and wake the
/// renderer through a one-slot stream, so a burst of events costs one fetch and one redraw.
/// Rendering is pure (`HallScreenModel` → `Renderer` → `ANSIEncoder`); only the sink writes.
public struct DisplayLoop: Sendable {
    public struct Options: Sendable {
        public var layout: Layout
        /// The window whose strip fills `window.*` (the window-strip layout).
        public var window: String?
        /// How long to wait for more events after the first of a burst.
        public var coalesce: Duration = .milliseconds(20)
        /// How often the snapshot is re-read to keep the clock and estimates current; nil: never.
        public var refreshInterval: Duration? = .seconds(1)
        /// Draw at this size instead of the sink's.
        public var fixedSize: Size?
        /// Drawn instead of `layout` while the screen is smaller than `layout`'s canvas, so a
        /// small terminal shows every window and line rather than a cut big layout; nil: always `layout`.
        public var compactLayout: Layout?

        public init(layout: Layout, compactLayout: Layout? = nil) {
            self.layout = layout
            self.compactLayout = compactLayout
        }

        /// The layout drawn at `size` (it changes with the terminal's size on a resize).
        public func layout(for size: Size) -> Layout {
            ScreenLayouts(layout: layout, compact: compactLayout).layout(for: size)
        }
    }

    /// One redraw, for the benchmark and tests.
    public struct Paint: Sendable {
        /// Bytes written (0 when nothing changed).
        public var bytes: Int
        /// Whether the screen was repainted from scratch (first paint, resize).
        public var full: Bool
        /// The highest event sequence number the drawn snapshot reflects.
        public var throughSeq: Int64?
        /// When the bytes were handed to the sink.
        public var at: ContinuousClock.Instant
        public var link: HallScreenModel.Link
    }

    private struct Pending {
        var events: [StreamedHallEvent] = []
        var sawEvent = false
        var link: Bool?
        var linkChanged = false
        var resized = false
        var refresh = false
        var lastSeq: Int64?
    }

    /// Events kept between two redraws for the voice: far more calls than a hall makes in one.
    static let pendingEventsKept = 256

    public let options: Options
    private let sink: any TerminalSink
    private let snapshots: any HallSnapshotSource
    private let events: @Sendable () -> AsyncStream<EventStreamUpdate>
    private let announcements: AnnouncementQueue?
    private let onPaint: (@Sendable (Paint) -> Void)?

    /// - Parameters:
    ///   - events: opens the event stream (called once per run).
    ///   - announcements: where calls are queued to be spoken; nil for a silent screen.
    ///   - onPaint: told after every redraw.
    public init(
        options: Options, sink: any TerminalSink, snapshots: any HallSnapshotSource,
        events: @escaping @Sendable () -> AsyncStream<EventStreamUpdate>,
        announcements: AnnouncementQueue? = nil, onPaint: (@Sendable (Paint) -> Void)? = nil
    ) {
        self.options = options
        self.sink = sink
        self.snapshots = snapshots
        self.events = events
        self.announcements = announcements
        self.onPaint = onPaint
    }

    /// Runs until the task is cancelled; the terminal is restored before it returns.
    public func run() async {
        sink.enter()
        defer { sink.leave() }
        let pending = LockedValue(Pending())
        let (wake, waker) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let events = self.events, sink = self.sink, options = self.options, announcements = self.announcements

        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await update in events() {
                    pending.withLock { p in
                        switch update {
                        case .connected:
                            p.link = true
                            p.linkChanged = true
                        case .disconnected:
                            if p.link != false { p.linkChanged = true }
                            p.link = false
                        case .event(let message):
                            guard let event = StreamedHallEvent(data: message.data) else { return }
                            p.events.append(event)
                            // Only the latest are announced; a flood must not grow without bound
                            // while the renderer waits for a snapshot.
                            if p.events.count > Self.pendingEventsKept { p.events.removeFirst(p.events.count - Self.pendingEventsKept) }
                            p.sawEvent = true
                            if let seq = event.seq ?? message.id.flatMap({ Int64($0) }) { p.lastSeq = max(p.lastSeq ?? seq, seq) }
                        }
                    }
                    waker.yield()
                }
            }
            group.addTask {
                for await _ in sink.resizes() {
                    pending.withLock { $0.resized = true }
                    waker.yield()
                }
            }
            if let interval = options.refreshInterval {
                group.addTask {
                    while !Task.isCancelled {
                        do { try await Task.sleep(for: interval) } catch { return }
                        pending.withLock { $0.refresh = true }
                        waker.yield()
                    }
                }
            }
            if let announcements {
                group.addTask { await announcements.run() }
            }
            group.addTask { await render(wake: wake, pending: pending) }
            waker.yield()   // the first paint, before anything is known
            await group.next()
            group.cancelAll()
        }
    }

    /// The renderer: one redraw per wake-up, with whatever accumulated since the last.
    private func render(wake: AsyncStream<Void>, pending: LockedValue<Pending>) async {
        var previous: Frame?
        var snapshot: HallSnapshot?
        var streamLive = false, everLive = false, fetchFailed = false
        var drawnSeq: Int64?
        for await _ in wake {
            var p = pending.withLock { p in
                defer { p = Pending(link: p.link, lastSeq: p.lastSeq) }
                return p
            }
            if p.sawEvent || p.linkChanged {
                // Coalesce: whatever else arrives in this short window joins this redraw.
                try? await Task.sleep(for: options.coalesce)
                let more = pending.withLock { p in
                    defer { p = Pending(link: p.link, lastSeq: p.lastSeq) }
                    return p
                }
                p.events = Array((p.events + more.events).suffix(Self.pendingEventsKept))
                p.sawEvent = p.sawEvent || more.sawEvent
                p.linkChanged = p.linkChanged || more.linkChanged
                p.resized = p.resized || more.resized
                p.link = more.link
                p.lastSeq = more.lastSeq
            }
            if Task.isCancelled { return }
            if let link = p.link { streamLive = link }
            if streamLive && (p.sawEvent || p.linkChanged || p.refresh || snapshot == nil || fetchFailed) {
                let through = p.lastSeq
                do {
                    snapshot = try await snapshots.snapshot()
                    fetchFailed = false
                    drawnSeq = through
                } catch {
                    if Task.isCancelled { return }
                    fetchFailed = true
                }
                if !fetchFailed, let announcements {
                    for event in p.events where Announcement.isCurrent(event, snapshot: snapshot) {
                        if let announcement = Announcement(event, snapshot: snapshot) { announcements.enqueue(announcement) }
                    }
                }
            }
            let isLive = streamLive && !fetchFailed && snapshot != nil
            everLive = everLive || isLive
            let link: HallScreenModel.Link = isLive ? .live : (everLive ? .reconnecting : .connecting)
            let model = HallScreenModel.model(snapshot: snapshot, link: link, window: options.window)
            let size = options.fixedSize ?? sink.size()
            let frame = Renderer.render(options.layout(for: size), model: model, size: size)
            let full = p.resized || previous?.size != size
            let bytes = ANSIEncoder.encode(previous: full ? nil : previous, next: frame)
            if !bytes.isEmpty { sink.write(bytes) }
            previous = frame
            onPaint?(Paint(bytes: bytes.utf8.count, full: full, throughSeq: drawnSeq, at: .now, link: link))
        }
    }
}
