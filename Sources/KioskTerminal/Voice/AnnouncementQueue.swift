/// Announcements in call order, spoken one at a time so they never overlap; each is said
/// `repetitions` times (twice by default: said, then repeated once).
///
/// `enqueue` never waits; `run()` is the one consumer and returns when `finish()` was called
/// and the queue is empty, or when its task is cancelled.
public struct AnnouncementQueue: Sendable {
    public let repetitions: Int
    private let speaker: any Speaker
    private let stream: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    public init(speaker: any Speaker, repetitions: Int = 2) {
        self.speaker = speaker
        self.repetitions = max(1, repetitions)
        (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .unbounded)
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
            for _ in 0..<repetitions {
                if Task.isCancelled { return }
                await speaker.speak(text)
            }
        }
    }
}
