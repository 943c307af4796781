import Foundation
import KioskStore
import Logging
import Synchronization

/// Hands the hall's committed events to every live stream (hall screens, ticket pages, the
/// console, the demo's printer) outside the hall actor.
///
/// The actor hands over each committed batch once (`handOff`), whatever the number of
/// subscribers: a task of its own then gives it to each of them, in commit order. So eight hall
/// screens cost the actor what one does, and subscribing or leaving never enters it either.
final class EventFanOut: Sendable {
    /// What the actor hands over, in order: a batch, a heartbeat, or the end of every stream.
    enum Item: Sendable {
        case events([StoredEvent])
        case heartbeat
        case finishAll

        /// For the metrics.
        var label: String {
            switch self {
            case .events: "events"
            case .heartbeat: "heartbeat"
            case .finishAll: "finish"
            }
        }
    }

    /// The subscribers and the newest event they have been given, under one lock: a new
    /// subscriber gets everything after `delivered` from the stream, the rest from the journal.
    private struct Subscribers: Sendable {
        var streams: [UUID: AsyncStream<HallStreamItem>.Continuation] = [:]
        var delivered: Int64
        var closed = false
    }

    /// The part the distributing task shares with the fan-out (the task must not keep the
    /// fan-out alive: when the hall goes, the inbox ends and so does the task).
    private final class Distributor: Sendable {
        let subscribers: Mutex<Subscribers>
        let buffer: Int
        let metrics: ServerMetrics
        let logger: Logger

        init(delivered: Int64, buffer: Int, metrics: ServerMetrics, logger: Logger) {
            subscribers = Mutex(Subscribers(delivered: delivered))
            self.buffer = buffer
            self.metrics = metrics
            self.logger = logger
        }

        func distribute(_ item: Item) {
            var cutOff = 0, deliveries = 0
            subscribers.withLock { s in
                switch item {
                case let .events(events):
                    for event in events {
                        deliveries += Self.yield(.event(event), to: &s.streams, cutOff: &cutOff)
                        s.delivered = max(s.delivered, event.seq)
                    }
                case .heartbeat:
                    deliveries += Self.yield(.heartbeat, to: &s.streams, cutOff: &cutOff)
                case .finishAll:
                    for continuation in s.streams.values { continuation.finish() }
                    s.streams = [:]
                }
            }
            metrics.recordStreamDeliveries(deliveries, kind: item.label)
            for _ in 0..<cutOff {
                metrics.recordRefused("slow_subscriber")
                logger.notice("event stream cut off: its reader fell behind", metadata: ["stream.buffer": "\(buffer)"])
            }
        }

        /// A stream whose buffer is full has fallen too far behind: it is ended, never silently
        /// skipped (a gap on a hall screen would show a call that never happened, or miss one).
        private static func yield(
            _ item: HallStreamItem, to streams: inout [UUID: AsyncStream<HallStreamItem>.Continuation], cutOff: inout Int
        ) -> Int {
            var delivered = 0
            for (id, stream) in streams {
                if case .dropped = stream.yield(item) {
                    stream.finish()
                    streams[id] = nil
                    cutOff += 1
                } else {
                    delivered += 1
                }
            }
            return delivered
        }
    }

    private let distributor: Distributor
    private let inbox: AsyncStream<Item>.Continuation
    private let metrics: ServerMetrics

    /// - Parameters:
    ///   - delivered: the newest event already durable (a stream starts after it).
    ///   - buffer: events a subscriber may fall behind before it is cut off (`limits.stream_buffer`).
    init(delivered: Int64, buffer: Int, metrics: ServerMetrics, logger: Logger) {
        let distributor = Distributor(delivered: delivered, buffer: buffer, metrics: metrics, logger: logger)
        let (items, inbox) = AsyncStream.makeStream(of: Item.self)
        self.distributor = distributor
        self.inbox = inbox
        self.metrics = metrics
        Task.detached {
            for await item in items { distributor.distribute(item) }
        }
    }

    deinit {
        inbox.yield(.finishAll)
        inbox.finish()
    }

    /// Called by the hall actor: one hand-over per commit (or heartbeat), the same work for one
    /// subscriber or a hundred.
    func handOff(_ item: Item) {
        if case .finishAll = item {} else { metrics.recordStreamHandOff(kind: item.label) }
        inbox.yield(item)
    }

    /// Committed events from now on; the caller first reads the journal after its last seen
    /// sequence number up to the returned `from` (no gap, no duplicate). Nil once closed.
    func subscribe() -> (from: Int64, events: AsyncStream<HallStreamItem>, id: UUID)? {
        let id = UUID()
        // A client that cannot keep up is cut off (its stream ends) rather than buffering
        // without bound or skipping events; it reconnects and resumes from the last id it saw.
        let (stream, continuation) = AsyncStream<HallStreamItem>.makeStream(bufferingPolicy: .bufferingOldest(distributor.buffer))
        return distributor.subscribers.withLock { s in
            guard !s.closed else { return nil }
            s.streams[id] = continuation
            return (s.delivered, stream, id)
        }
    }

    func unsubscribe(_ id: UUID) {
        let stream = distributor.subscribers.withLock { $0.streams.removeValue(forKey: id) }
        stream?.finish()
    }

    /// Refuses new streams; the open ones end once what was handed over before reaches them.
    func close() {
        distributor.subscribers.withLock { $0.closed = true }
        finishAll()
    }

    /// Ends every open stream, after what was handed over before it.
    func finishAll() {
        inbox.yield(.finishAll)
    }

    /// Subscribers now (for tests and figures).
    var count: Int { distributor.subscribers.withLock { $0.streams.count } }
}
