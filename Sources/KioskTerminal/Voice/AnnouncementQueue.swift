/// Announcements in call order, spoken one at a time so they never overlap; each is said
/// `repetitions` times (twice by default: said, then repeated once after a `gap`, as a hall's
/// announcer pauses before repeating — and so a log without a voice stamps the repeat at its
/// own time, not twice at one instant).
///
/// `enqueue` never waits; `run()` is the one consumer and returns when `finish()` was called
/// and the queue is empty, or when its task is cancelled.
public struct AnnouncementQueue: Sendable {
    /// Announcements waiting to be said, at most: more calls than a hall's windows make at once.
    public static let waitingKept = 32

    public let repetitions: Int
    /// The silence before each repeat.
    public let gap: Duration
    private let speaker: any Speaker
    private let pause: @Sendable (Duration) async -> Void
    private let stream: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    /// - Parameter pause: waits out the gap (tests pass one that moves a manual clock).
    public init(
        speaker: any Speaker, repetitions: Int = 2, gap: Duration = .seconds(1),
        pause: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.speaker = speaker
        self.repetitions = max(1, repetitions)
        self.gap = gap
        self.pause = pause
        // Bounded: each takes seconds to say, so a flood of calls (a daemon gone wrong, or
        // anything posing as it) keeps the latest, never an ever-growing backlog.
        (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(Self.waitingKept))
    }

    /// Queues `announcement` behind any still being spoken.
    public func enqueue(_ announcement: Announcement) {
        continuation.yield(announcement.text)
    }

    /// Lets `run()` return once everything queued has been spoken.
    public func finish() {
        continuation.finish()
    }

    /// Speaks queued announcements in order, one utterance at a time.
    public func run() async {
        for await text in stream {
            for repetition in 1...repetitions {
                if repetition > 1 { await pause(gap) }
                if Task.isCancelled { return }
                await speaker.speak(text, repetition: repetition)
            }
        }
    }
}
