import KioskAPI
import KioskCore
import KioskDisplay
import Synchronization

/// The hall screen: follows the event stream and draws each call straight from its event;
/// reads the hall snapshot (`GET /v1/hall`) for the rest (waiting counts, estimates, windows'
/// states) about once a second, in a task of its own, so a slow or unreachable snapshot never
/// holds a call back. Renders the layout and writes only the cells that changed.
///
/// Inputs (stream updates, snapshots read, resizes) only note what happened and wake the
/// renderer through a one-slot stream; an event is drawn at once, and the events that follow
/// it within `coalesce` are drawn together once it has passed, so a burst costs two redraws.
/// Rendering is pure (`ScreenHall` → `HallScreenModel` → `Renderer` → `ANSIEncoder`); only the
/// sink writes.
public struct DisplayLoop: Sendable {
    public struct Options: Sendable {
        public var layout: Layout
        /// The window whose strip fills `window.*` (the window-strip layout).
        public var window: String?
        /// Events that come within this long of a redraw wait for its end and are drawn
        /// together: the first event of a burst is drawn at once, the rest of the burst once more.
        public var coalesce: Duration = .milliseconds(20)
        /// How often the snapshot is read to keep the rest of the screen (counts, estimates,
        /// the clock) current; nil: only at start, on a reconnect, a new day or a config change.
        public var refreshInterval: Duration? = .seconds(1)
        /// The wait before reading the snapshot again after a failed read.
        public var retryDelay: Duration = .seconds(1)
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
        /// The highest event sequence number received before this redraw (its calls are drawn;
        /// the rest shows with the next snapshot).
        public var throughSeq: Int64?
        /// When the bytes were handed to the sink.
        public var at: ContinuousClock.Instant
        public var link: HallScreenModel.Link
        /// The tickets in the drawn list of calls, newest first.
        public var calls: [String] = []
    }

    /// What one read of the snapshot gave.
    private enum Read: Sendable {
        case snapshot(HallSnapshot, through: Int64?)
        case failed
    }

    private struct Pending {
        var events: [StreamedHallEvent] = []
        var sawEvent = false
        var link: Bool?
        var linkChanged = false
        var resized = false
        var read: Read?
        var lastSeq: Int64?
    }

    /// Events kept between two redraws: far more calls than a hall makes in one.
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
        // Asks for a snapshot read; asks made while one is under way make one more, not many.
        let (asks, asker) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let events = self.events, sink = self.sink, options = self.options, announcements = self.announcements, snapshots = self.snapshots

        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await update in events() {
                    var ask = false
                    pending.withLock { p in
                        switch update {
                        case .connected:
                            p.link = true
                            p.linkChanged = true
                            ask = true   // back after a drop: the hall may have moved meanwhile
                        case .disconnected:
                            if p.link != false { p.linkChanged = true }
                            p.link = false
                        case .event(let message):
                            guard let event = StreamedHallEvent(data: message.data) else { return }
                            p.events.append(event)
                            // A flood must not grow without bound between two redraws.
                            if p.events.count > Self.pendingEventsKept { p.events.removeFirst(p.events.count - Self.pendingEventsKept) }
                            p.sawEvent = true
                            if let seq = event.seq ?? message.id.flatMap({ Int64($0) }) { p.lastSeq = max(p.lastSeq ?? seq, seq) }
                            ask = event.changesTheHall
                        }
                    }
                    if ask { asker.yield() }
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
                        asker.yield()
                    }
                }
            }
            group.addTask { await Self.readSnapshots(snapshots, asks: asks, pending: pending, waker: waker, retryDelay: options.retryDelay) }
            if let announcements {
                group.addTask { await announcements.run() }
            }
            group.addTask { await render(wake: wake, pending: pending) }
            asker.yield()   // the first read
            waker.yield()   // the first paint, before anything is known
            await group.next()
            group.cancelAll()
        }
    }

    /// Reads the snapshot when asked (and again after `retryDelay` when a read failed), one
    /// read at a time, and hands each outcome to the renderer.
    private static func readSnapshots(
        _ snapshots: any HallSnapshotSource, asks: AsyncStream<Void>, pending: LockedValue<Pending>,
        waker: AsyncStream<Void>.Continuation, retryDelay: Duration
    ) async {
        var asks = asks.makeAsyncIterator()
        var failed = false
        while !Task.isCancelled {
            if failed {
                do { try await Task.sleep(for: retryDelay) } catch { return }
            } else if await asks.next() == nil {
                return
            }
            // The events seen before asking are in the answer (for a daemon that does not say).
            let seen = pending.withLock { $0.lastSeq }
            let read: Read
            do {
                let snapshot = try await snapshots.snapshot()
                read = .snapshot(snapshot, through: snapshot.seq ?? seen)
            } catch {
                if Task.isCancelled { return }
                read = .failed
            }
            if case .failed = read { failed = true } else { failed = false }
            pending.withLock { $0.read = read }
            waker.yield()
        }
    }

    /// The renderer: one redraw per wake-up, with whatever accumulated since the last.
    private func render(wake: AsyncStream<Void>, pending: LockedValue<Pending>) async {
        var previous: Frame?
        var hall = ScreenHall()
        var streamLive = false, everLive = false, readFailed = false
        // Calls streamed before any snapshot: spoken once one says whether they are current
        // (the backlog replayed when a screen starts is shown, not spoken).
        var unspoken: [StreamedHallEvent] = []
        var lastEventRedraw: ContinuousClock.Instant?
        for await _ in wake {
            var p = pending.withLock { p in
                defer { p = Pending(link: p.link, lastSeq: p.lastSeq) }
                return p
            }
            if p.sawEvent || p.linkChanged, let last = lastEventRedraw, ContinuousClock.now < last + options.coalesce {
                // Coalesce: events this soon after a redraw wait for the window's end, and
                // whatever else arrives meanwhile joins them.
                try? await Task.sleep(until: last + options.coalesce)
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
                p.read = more.read ?? p.read
            }
            if Task.isCancelled { return }
            if p.sawEvent || p.linkChanged { lastEventRedraw = .now }
            if let link = p.link { streamLive = link }
            switch p.read {
            case let .snapshot(snapshot, through):
                hall.take(snapshot, through: through)
                readFailed = false
            case .failed:
                readFailed = true
            case nil:
                break
            }
            for event in p.events { hall.take(event) }
            if let announcements {
                unspoken += p.events.filter(\.isCall)
                if let snapshot = hall.snapshot {
                    for event in unspoken where Announcement.isCurrent(event, snapshot: snapshot) {
                        if let announcement = Announcement(event, snapshot: snapshot) { announcements.enqueue(announcement) }
                    }
                    unspoken = []
                } else if unspoken.count > AnnouncementQueue.waitingKept {
                    unspoken.removeFirst(unspoken.count - AnnouncementQueue.waitingKept)
                }
            }
            let isLive = streamLive && !readFailed && hall.snapshot != nil
            everLive = everLive || isLive
            let link: HallScreenModel.Link = isLive ? .live : (everLive ? .reconnecting : .connecting)
            let drawn = hall.drawn
            let model = HallScreenModel.model(snapshot: drawn, link: link, window: options.window)
            let size = options.fixedSize ?? sink.size()
            let frame = Renderer.render(options.layout(for: size), model: model, size: size)
            let full = p.resized || previous?.size != size
            let bytes = ANSIEncoder.encode(previous: full ? nil : previous, next: frame)
            if !bytes.isEmpty { sink.write(bytes) }
            previous = frame
            onPaint?(Paint(bytes: bytes.utf8.count, full: full, throughSeq: p.lastSeq, at: .now, link: link, calls: drawn?.calls.map(\.ticket) ?? []))
        }
    }
}
